import { randomUUID } from "node:crypto";
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getDatabasePoolOptions } from "@/lib/db-availability/database-pool-options";
import { isDatabaseUnavailableError } from "@/lib/db-availability/is-database-unavailable-error";
import { toUnavailableError } from "@/lib/db-availability/to-unavailable-error";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { handleApiError } from "@/lib/http/handle-api-error";

const OUTAGE_BUDGET_MS = 2_000;

// Built like lib/db.ts builds the app's client, with the production pool options.
function createClient(
  connectionString: string,
  overrides: { max?: number; connectionTimeoutMillis?: number } = {},
) {
  const adapter = new PrismaPg({
    connectionString,
    ...getDatabasePoolOptions({ isEmbedded: false }),
    ...overrides,
  });
  return new PrismaClient({ adapter, omit: { apiKey: { hash: true } } });
}

type TestClient = ReturnType<typeof createClient>;

async function startTcpServer(onConnection: (socket: net.Socket) => void) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function timeFailure(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await run();
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error("expected the query to fail");
}

describe("an unreachable database", () => {
  const clients: TestClient[] = [];
  const servers: { close(): Promise<void> }[] = [];

  function track(client: TestClient) {
    clients.push(client);
    return client;
  }

  // The app's client is a long-lived singleton, so when the database goes down its query
  // compiler is already loaded. A fresh client pays that once (up to seconds on a busy
  // machine): cold-start cost, not outage detection, so it is paid before timing.
  async function warmUp(client: TestClient) {
    await client.user.findFirst().catch(() => undefined);
    return client;
  }

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.$disconnect().catch(() => undefined)));
    await Promise.all(servers.map((server) => server.close()));
  });

  it("fails fast when the port is closed, and maps to 503 + Retry-After", async () => {
    const db = await warmUp(track(createClient("postgresql://postgres@127.0.0.1:1/postgres")));
    const { error, ms } = await timeFailure(() =>
      db.apiKey.findUnique({ where: { prefix: "fl_dead" }, select: { id: true } }),
    );
    expect(ms).toBeLessThan(OUTAGE_BUDGET_MS);
    expect(isDatabaseUnavailableError(error)).toBe(true);

    const mapped = toUnavailableError(error);
    expect(mapped).not.toBeNull();
    const response = handleApiError(mapped);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      code: "unavailable",
      detail: "The database is unreachable; retry later.",
    });
  });

  it("fails within the budget when the server accepts but never answers", async () => {
    const silent = await startTcpServer(() => {});
    servers.push(silent);
    const db = await warmUp(track(createClient(silent.url)));
    const { error, ms } = await timeFailure(() => db.user.findFirst());
    // It was the connect timeout that ended the wait, not some unrelated fast failure.
    expect(ms).toBeGreaterThanOrEqual(
      getDatabasePoolOptions({ isEmbedded: false }).connectionTimeoutMillis - 50,
    );
    expect(ms).toBeLessThan(OUTAGE_BUDGET_MS);
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it("recognizes a server that hangs up, inside an interactive transaction like ingestion's", async () => {
    const hangUp = await startTcpServer((socket) => socket.destroy());
    servers.push(hangUp);
    const db = await warmUp(track(createClient(hangUp.url)));
    const { error, ms } = await timeFailure(() =>
      db.$transaction(async (tx) => tx.user.findFirst()),
    );
    expect(ms).toBeLessThan(OUTAGE_BUDGET_MS);
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it("recognizes raw queries against a dead port", async () => {
    const db = track(createClient("postgresql://postgres@127.0.0.1:1/postgres"));
    const { error } = await timeFailure(() => db.$queryRaw`SELECT 1`);
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it("treats a pool that stays full past the timeout as unavailable", async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("the integration setup provides DATABASE_URL");
    const db = track(createClient(databaseUrl, { max: 1, connectionTimeoutMillis: 300 }));
    let release = () => {};
    const holding = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const isHolding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const transaction = db.$transaction(
      async (tx) => {
        await tx.user.count();
        started();
        await holding;
      },
      { maxWait: 10_000, timeout: 10_000 },
    );
    await isHolding;
    try {
      const { error } = await timeFailure(() => db.user.count());
      expect(isDatabaseUnavailableError(error)).toBe(true);
    } finally {
      release();
      await transaction;
    }
  });

  it("does not mistake an ordinary error from a live database for an outage", async () => {
    const { error } = await timeFailure(() =>
      getDb().user.findUniqueOrThrow({ where: { id: randomUUID() } }),
    );
    expect(isDatabaseUnavailableError(error)).toBe(false);
    expect(toUnavailableError(error)).toBeNull();
  });
});
