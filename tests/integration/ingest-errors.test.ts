import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/errors/route";
import { getDb } from "@/lib/db";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";

const db = getDb();

function post(token: string | undefined, body: unknown) {
  return POST(jsonRequest("/api/errors", { token, body }), noParams);
}

function runtimeEvent(traderId: string, overrides: Record<string, unknown> = {}) {
  return {
    event_id: randomUUID(),
    trader_id: traderId,
    error_type: "runtime",
    error_message: "TypeError: Cannot read properties of undefined (reading 'close')",
    stack_trace: "TypeError: ...\n    at filter (filter.js:9:12)",
    trigger_interval: "5m",
    symbols_processed: 12,
    execution_duration_ms: 8,
    context: { symbol: "BTCUSDT", candles: [{ close: 1 }] },
    occurred_at: "2026-11-20T09:05:00.000Z",
    ...overrides,
  };
}

describe("POST /api/errors", () => {
  let token: string;
  let traderId: string;
  let userId: string;

  beforeAll(async () => {
    const user = await seedUser(db);
    userId = user.id;
    traderId = (await seedTrader(db, { userId })).id;
    token = (await seedApiKey(db, { userId })).token;
  });

  it("stores the event and creates its group before answering 201", async () => {
    const event = runtimeEvent(traderId);
    const response = await post(token, event);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ event_id: event.event_id, new_group: true, replay: false });

    const stored = await db.errorEvent.findUniqueOrThrow({ where: { id: body.id } });
    expect(stored).toMatchObject({
      groupId: body.group_id,
      traderId,
      userId,
      errorType: "runtime",
      triggerInterval: "5m",
      symbolsProcessed: 12,
      executionDurationMs: 8,
      errorHash: body.error_hash,
    });
    expect(stored.context).toEqual(event.context);
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: body.group_id } });
    expect(group).toMatchObject({ status: "unresolved", eventCount: 1, traderId, userId });
    const activities = await db.groupActivity.findMany({ where: { groupId: group.id } });
    expect(activities.map((activity) => activity.kind)).toEqual(["created"]);
  });

  it("groups a second occurrence that differs only in variable parts", async () => {
    const first = await (
      await post(token, runtimeEvent(traderId, { error_message: "RSI is NaN for BTCUSDT" }))
    ).json();
    const second = await (
      await post(token, runtimeEvent(traderId, { error_message: "RSI is NaN for ETHUSDT" }))
    ).json();
    expect(second.group_id).toBe(first.group_id);
    expect(second.new_group).toBe(false);
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: first.group_id } });
    expect(group.eventCount).toBe(2);
  });

  it("answers a replay with the original ids and stores nothing new", async () => {
    const event = runtimeEvent(traderId, { error_message: "replayed failure 1" });
    const original = await (await post(token, event)).json();
    const replay = await post(token, event);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({
      id: original.id,
      group_id: original.group_id,
      replay: true,
    });
    expect(await db.errorEvent.count({ where: { userId, idempotencyKey: event.event_id } })).toBe(
      1,
    );
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: original.group_id } });
    expect(group.eventCount).toBe(1);
  });

  it("refuses a reused event_id with a different payload", async () => {
    const event = runtimeEvent(traderId, { error_message: "first payload" });
    await post(token, event);
    const response = await post(token, { ...event, error_message: "second payload" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "idempotency_mismatch" });
  });

  it("accepts a batch in one transaction", async () => {
    const response = await post(token, {
      events: [runtimeEvent(traderId), runtimeEvent(traderId, { error_type: "timeout" })],
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.events).toHaveLength(2);
  });

  it("answers unknown, malformed and revoked keys with the same 401 body", async () => {
    const revoked = await seedApiKey(db, { userId });
    await db.apiKey.update({ where: { id: revoked.key.id }, data: { revokedAt: new Date() } });
    const unknownKey = `fl_${"A".repeat(12)}_${"b".repeat(43)}`;
    const responses = await Promise.all(
      [undefined, "garbage", unknownKey, revoked.token].map((candidate) =>
        post(candidate, runtimeEvent(traderId)),
      ),
    );
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    expect(new Set(bodies).size).toBe(1);
  });

  it("names the problem in malformed and invalid bodies", async () => {
    const malformed = await POST(
      jsonRequest("/api/errors", { token, rawBody: "{not json" }),
      noParams,
    );
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    expect(await malformed.json()).toMatchObject({ code: "invalid_json" });

    const invalid = await post(token, {
      ...runtimeEvent(traderId),
      error_type: "meltdown",
      extra: 1,
    });
    expect(invalid.status).toBe(422);
    const problem = await invalid.json();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors.length).toBeGreaterThan(0);
  });

  it("does not let a key write to another user's trader", async () => {
    const otherUser = await seedUser(db);
    const otherTrader = await seedTrader(db, { userId: otherUser.id });
    const response = await post(token, runtimeEvent(otherTrader.id));
    expect(response.status).toBe(404);
    expect(await db.errorEvent.count({ where: { traderId: otherTrader.id } })).toBe(0);
  });
});
