import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// The breaker writes system errors that health counts: a database of its own. Live
// updates go through the real Pusher SDK to a fake Pusher that fails on demand.
const { database, pusher } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const { startFakePusherServer } = await import("@/tests/support/fake-pusher-server");
  const created = await createTestDatabase();
  const server = await startFakePusherServer({
    appId: "app-circuit",
    key: "key-circuit",
    secret: "secret-circuit-0123456789",
  });
  process.env.DATABASE_URL = created.url;
  Object.assign(process.env, {
    PUSHER_APP_ID: server.appId,
    PUSHER_KEY: server.key,
    PUSHER_SECRET: server.secret,
    PUSHER_HOST: server.host,
    PUSHER_PORT: String(server.port),
    PUSHER_USE_TLS: "false",
  });
  return { database: created, pusher: server };
});

import { GET as getHealth } from "@/app/api/health/route";
import { getDb, getPool } from "@/lib/db";
import { publishToUser } from "@/lib/realtime/publish-to-user";
import { setServicePolicyOptions } from "@/lib/resilience/service-circuit-registry";
import { jsonRequest, noParams } from "@/tests/support/api-request";
import { testSizedPolicy } from "@/tests/support/test-sized-policy";

const HALF_OPEN_AFTER_MS = 1_500;
setServicePolicyOptions("realtime", testSizedPolicy(HALF_OPEN_AFTER_MS));

const db = getDb();

afterAll(async () => {
  await pusher.close();
  await getPool().end();
  await database.drop();
});

async function readRealtimeHealth() {
  const response = await getHealth(jsonRequest("/api/health"), noParams);
  return (await response.json()).components.realtime;
}

// Transitions are logged without holding up the publish that caused them.
async function waitForSystemError(errorType: string, count = 1) {
  await vi.waitFor(
    async () => expect(await db.systemError.count({ where: { errorType } })).toBe(count),
    { timeout: 5_000, interval: 25 },
  );
}

const groupUpdate = () =>
  ({ type: "group.updated", groupId: randomUUID(), status: "regressed" }) as const;

describe("the realtime circuit against a failing Pusher", () => {
  it("opens after failed publishes (health degraded), skips publishing while open, then closes", async () => {
    const userId = randomUUID();
    expect(await readRealtimeHealth()).toMatchObject({
      status: "ok",
      driver: "pusher",
      circuit: { state: "closed" },
    });
    const skipped = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const failed = vi.spyOn(console, "error").mockImplementation(() => undefined);

    pusher.failNext(2, 503);
    // Best effort: a failed publish never throws into the caller. Each is logged; the
    // same failure twice within the dedupe window is stored as one system error.
    await expect(publishToUser(userId, groupUpdate())).resolves.toBeUndefined();
    await expect(publishToUser(userId, groupUpdate())).resolves.toBeUndefined();
    const publishFailures = () =>
      failed.mock.calls.filter(([message]) => message === "[realtime] publish failed").length;
    expect(publishFailures()).toBe(2);
    expect(await db.systemError.count({ where: { errorType: "realtime_publish_failed" } })).toBe(1);
    await waitForSystemError("realtime_circuit_opened");
    expect(
      await db.systemError.findFirstOrThrow({ where: { errorType: "realtime_circuit_opened" } }),
    ).toMatchObject({ component: "realtime", severity: "high", resolvedAt: null });

    // Open: the next publish does not reach Pusher and is skipped, not failed.
    const receivedBefore = pusher.receivedCount();
    await expect(publishToUser(userId, groupUpdate())).resolves.toBeUndefined();
    expect(pusher.receivedCount()).toBe(receivedBefore);
    expect(skipped).toHaveBeenCalledWith(expect.stringContaining("[realtime] publish skipped"));
    expect(publishFailures()).toBe(2);
    const whileOpen = await readRealtimeHealth();
    expect(whileOpen).toMatchObject({
      status: "degraded",
      circuit: { state: "open", retry_after_seconds: expect.any(Number) },
    });

    // After the half-open delay one publish is let through as the probe; it succeeds.
    const wait = Date.parse(whileOpen.circuit.opened_at) + HALF_OPEN_AFTER_MS + 50 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0)));
    const triggeredBefore = pusher.triggered.length;
    const probe = groupUpdate();
    await publishToUser(userId, probe);
    expect(pusher.triggered.slice(triggeredBefore)).toEqual([
      expect.objectContaining({ channel: `private-user-${userId}`, name: "group.updated" }),
    ]);
    await waitForSystemError("realtime_circuit_closed");
    expect(await readRealtimeHealth()).toMatchObject({
      status: "ok",
      circuit: { state: "closed", opened_at: null },
    });
    skipped.mockRestore();
    failed.mockRestore();
  });
});
