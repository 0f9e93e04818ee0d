import { randomUUID } from "node:crypto";
import { Client, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postErrors } from "@/app/api/errors/route";
import { POST as postPusherAuth } from "@/app/api/realtime/pusher-auth/route";
import { GET as getStream } from "@/app/api/realtime/stream/route";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRealtimeDriver } from "@/lib/realtime/get-realtime-driver";
import { createPostgresRealtimeDriver } from "@/lib/realtime/postgres-realtime-driver";
import { publishToUser } from "@/lib/realtime/publish-to-user";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";
import {
  encodeRealtimeNotification,
  realtimeNotifyChannel,
} from "@/lib/realtime/realtime-notification";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";

// The one seam: which user next-auth's session cookie names. Everything after it
// (user lookup, route, driver, Postgres) is real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return {
    ...actual,
    getServerSession: async () =>
      session.userId ? { user: { id: session.userId }, expires: "2999-01-01" } : null,
  };
});

const db = getDb();
const databaseUrl = env.DATABASE_URL ?? "";
// LISTEN/NOTIFY across connections needs a real server; on the embedded database the
// driver fans out in-process (tests/integration/realtime-embedded.test.ts).
const isRealPostgres = !env.EMBEDDED_DB;

type SseFrame = { data: string[]; comments: string[]; retry?: string };

// Reads a text/event-stream body frame by frame (frames end with a blank line).
function readSse(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const readFrame = async (timeoutMs: number): Promise<SseFrame | null> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        return {
          data: lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)),
          comments: lines.filter((l) => l.startsWith(":")),
          retry: lines.find((l) => l.startsWith("retry: "))?.slice(7),
        };
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no SSE frame within ${timeoutMs} ms`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no SSE frame within ${timeoutMs} ms`)),
          remaining,
        );
      });
      const chunk = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return {
    readFrame,
    // The next event, skipping heartbeats.
    async nextEvent(timeoutMs = 5_000): Promise<unknown> {
      for (;;) {
        const frame = await readFrame(timeoutMs);
        if (!frame) throw new Error("the stream ended");
        if (frame.data.length > 0) return JSON.parse(frame.data.join("\n"));
      }
    },
  };
}

async function openStream(userId: string | null) {
  session.userId = userId;
  const abort = new AbortController();
  const request = new Request("http://localhost:3000/api/realtime/stream", {
    signal: abort.signal,
  });
  const response = await getStream(request, noParams);
  return { response, abort };
}

function groupUpdated(status = "resolved"): RealtimeEvent {
  return { type: "group.updated", groupId: randomUUID(), status };
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const aborts: AbortController[] = [];

afterAll(async () => {
  for (const abort of aborts) abort.abort();
  const driver = getRealtimeDriver();
  if (driver.kind === "postgres") await driver.close();
});

describe("GET /api/realtime/stream (built-in driver)", () => {
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    alice = (await seedUser(db)).id;
    bob = (await seedUser(db)).id;
  });

  it("answers 401 to a signed-out visitor", async () => {
    const { response } = await openStream(null);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("streams the signed-in user's events as data lines, never another user's, and ends on abort", async () => {
    const { response, abort } = await openStream(alice);
    aborts.push(abort);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const sse = readSse(response);
    const hello = await sse.readFrame(5_000);
    expect(hello?.retry).toBe("3000");

    const forBob = groupUpdated();
    const forAlice = groupUpdated("ignored");
    await publishToUser(bob, forBob);
    await publishToUser(alice, forAlice);
    expect(await sse.nextEvent()).toEqual(forAlice);

    abort.abort();
    expect(await sse.readFrame(5_000)).toBeNull();
  });

  it("publishes what ingest changed once the response is out: created, then updated", async () => {
    const traderId = (await seedTrader(db, { userId: alice })).id;
    const { token } = await seedApiKey(db, { userId: alice });
    const { response, abort } = await openStream(alice);
    aborts.push(abort);
    const sse = readSse(response);
    await sse.readFrame(5_000);

    const message = `ReferenceError: live${randomUUID().slice(0, 8)} is not defined`;
    const body = (id = randomUUID()) => ({
      event_id: id,
      trader_id: traderId,
      error_type: "runtime",
      error_message: message,
    });
    const first = await postErrors(jsonRequest("/api/errors", { token, body: body() }), noParams);
    expect(first.status).toBe(201);
    const { group_id: groupId } = await first.json();
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } });
    expect(await sse.nextEvent()).toEqual({
      type: "group.created",
      groupId,
      traderId,
      title: group.title,
    });

    const second = await postErrors(jsonRequest("/api/errors", { token, body: body() }), noParams);
    expect(second.status).toBe(201);
    expect(await sse.nextEvent()).toEqual({ type: "group.updated", groupId, status: "unresolved" });
    abort.abort();
  });

  it("answers 404 from the Pusher auth route: Pusher is not configured here", async () => {
    session.userId = alice;
    const response = await postPusherAuth(
      new Request("http://localhost:3000/api/realtime/pusher-auth", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `socket_id=1234.5678&channel_name=private-user-${alice}`,
      }),
      noParams,
    );
    expect(response.status).toBe(404);
  });
});

describe.runIf(isRealPostgres)("LISTEN/NOTIFY across server processes", () => {
  const drivers: Array<ReturnType<typeof createPostgresRealtimeDriver>> = [];
  const pools: Pool[] = [];

  // Another app instance: its own pool, its own listener connection, its own subscribers.
  function startInstance(applicationName = `faultline-realtime-test-${randomUUID()}`) {
    const pool = new Pool({ connectionString: databaseUrl, max: 2 });
    const driver = createPostgresRealtimeDriver({
      pool,
      connectionString: databaseUrl,
      isEmbedded: false,
      applicationName,
    });
    pools.push(pool);
    drivers.push(driver);
    return { driver, applicationName };
  }

  function collector() {
    const events: RealtimeEvent[] = [];
    let interruptions = 0;
    return {
      events,
      interruptions: () => interruptions,
      subscriber: {
        onEvent: (event: RealtimeEvent) => events.push(event),
        onInterrupted: () => {
          interruptions += 1;
        },
      },
    };
  }

  afterAll(async () => {
    await Promise.all(drivers.map((driver) => driver.close()));
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it("a NOTIFY from a plain connection reaches the SSE stream and an independent listener", async () => {
    const user = (await seedUser(db)).id;
    const { response, abort } = await openStream(user);
    aborts.push(abort);
    const sse = readSse(response);
    await sse.readFrame(5_000);
    const other = collector();
    await startInstance().driver.subscribe(user, other.subscriber);

    const event = groupUpdated();
    const publisher = new Client({ connectionString: databaseUrl });
    await publisher.connect();
    try {
      await publisher.query("SELECT pg_notify($1, $2)", [
        realtimeNotifyChannel,
        encodeRealtimeNotification(user, event),
      ]);
    } finally {
      await publisher.end();
    }

    expect(await sse.nextEvent()).toEqual(event);
    await waitFor(() => other.events.length === 1);
    expect(other.events).toEqual([event]);
    abort.abort();
  });

  it("reconnects the listener after its connection is killed, telling subscribers about the gap", async () => {
    const user = (await seedUser(db)).id;
    const { driver, applicationName } = startInstance();
    const tab = collector();
    await driver.subscribe(user, tab.subscriber);
    const listenerPids = async () =>
      (
        await db.$queryRaw<{ pid: number }[]>`
          SELECT pid FROM pg_stat_activity
           WHERE application_name = ${applicationName} AND datname = current_database()`
      ).map((row) => row.pid);
    const [killed] = await listenerPids();
    expect(killed).toBeDefined();

    await db.$queryRaw`SELECT pg_terminate_backend(${killed}::int)`;
    await waitFor(() => tab.interruptions() === 1);
    await waitFor(async () => {
      const pids = await listenerPids();
      return pids.length === 1 && pids[0] !== killed;
    });

    const event = groupUpdated();
    await waitFor(async () => {
      // The new connection may still be between connect and LISTEN: publish until heard.
      if (tab.events.length === 0) await publishToUser(user, event);
      return tab.events.length > 0;
    });
    expect(tab.events[0]).toEqual(event);
  });
});
