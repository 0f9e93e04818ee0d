import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/errors/route";
import { getDb } from "@/lib/db";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";

const db = getDb();

describe("ingestion under concurrency and across the group lifecycle", () => {
  let token: string;
  let traderId: string;
  let userId: string;

  beforeAll(async () => {
    userId = (await seedUser(db)).id;
    traderId = (await seedTrader(db, { userId })).id;
    token = (await seedApiKey(db, { userId })).token;
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    POST(jsonRequest("/api/errors", { token, body, headers }), noParams);

  const event = (message: string, overrides: Record<string, unknown> = {}) => ({
    event_id: randomUUID(),
    trader_id: traderId,
    error_type: "runtime",
    error_message: message,
    ...overrides,
  });

  it("stores exactly one row when 100 requests race with one event_id", async () => {
    const body = event(`race ${randomUUID()}`);
    let responses = await Promise.all(Array.from({ length: 100 }, () => post(body)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    // Past capacity some may be shed (429/503 with Retry-After); a client retries those.
    for (let round = 0; round < 10; round += 1) {
      expect(responses.every((response) => [200, 201, 429, 503].includes(response.status))).toBe(
        true,
      );
      const shed = responses.filter((response) => response.status >= 400);
      if (shed.length === 0) break;
      expect(shed.every((response) => response.headers.get("retry-after"))).toBe(true);
      const retried = await Promise.all(shed.map(() => post(body)));
      responses = [...responses.filter((response) => response.status < 400), ...retried];
    }
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies).toHaveLength(100);
    expect(new Set(bodies.map((answer) => answer.id)).size).toBe(1);
    expect(bodies.filter((answer) => !answer.replay)).toHaveLength(1);

    expect(await db.errorEvent.count({ where: { userId, idempotencyKey: body.event_id } })).toBe(1);
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: bodies[0].group_id } });
    expect(group.eventCount).toBe(1);
  });

  it("creates one group, one 'created' activity and one notification when a new error arrives 40 times at once", async () => {
    const message = `burst ${randomUUID()}`;
    const responses = await Promise.all(Array.from({ length: 40 }, () => post(event(message))));
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    const groupIds = new Set(bodies.map((answer) => answer.group_id));
    expect(groupIds.size).toBe(1);
    expect(bodies.filter((answer) => answer.new_group)).toHaveLength(1);

    const [groupId] = [...groupIds];
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } });
    expect(group.eventCount).toBe(40);
    expect(await db.groupActivity.count({ where: { groupId, kind: "created" } })).toBe(1);
    expect(await db.notification.count({ where: { groupId, kind: "new_group" } })).toBe(1);
  });

  it("honours the Idempotency-Key header", async () => {
    const key = `retry-${randomUUID()}`;
    const { event_id: _ignored, ...body } = event(`header ${randomUUID()}`);
    const first = await post(body, { "idempotency-key": key });
    const second = await post(body, { "idempotency-key": key });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect((await second.json()).replay).toBe(true);
    expect(await db.errorEvent.count({ where: { userId, idempotencyKey: key } })).toBe(1);
  });

  it("reopens a resolved group as regressed, once, with activity and a notification", async () => {
    const message = `regress ${randomUUID()}`;
    const { group_id: groupId } = await (await post(event(message))).json();
    await db.errorGroup.update({
      where: { id: groupId },
      data: { status: "resolved", resolvedAt: new Date() },
    });

    await Promise.all([post(event(message)), post(event(message)), post(event(message))]);

    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } });
    expect(group).toMatchObject({
      status: "regressed",
      regressionCount: 1,
      resolvedAt: null,
      eventCount: 4,
    });
    const regressions = await db.groupActivity.findMany({ where: { groupId, kind: "regressed" } });
    expect(regressions).toHaveLength(1);
    expect(regressions[0]).toMatchObject({
      actorKind: "system",
      fromStatus: "resolved",
      toStatus: "regressed",
    });
    expect(await db.notification.count({ where: { groupId, kind: "regression" } })).toBe(1);
  });

  it("keeps an ignored group ignored until its event budget is spent", async () => {
    const message = `ignore ${randomUUID()}`;
    const { group_id: groupId } = await (await post(event(message))).json();
    await db.errorGroup.update({
      where: { id: groupId },
      data: { status: "ignored", ignoredUntilCount: 3 },
    });

    await post(event(message));
    expect((await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).status).toBe(
      "ignored",
    );
    await post(event(message));
    const reopened = await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } });
    expect(reopened.status).toBe("unresolved");
    expect(
      await db.groupActivity.count({
        where: { groupId, kind: "status_changed", toStatus: "unresolved" },
      }),
    ).toBe(1);
  });

  it("reopens a group ignored until a time that has passed", async () => {
    const message = `ignore-until ${randomUUID()}`;
    const { group_id: groupId } = await (await post(event(message))).json();
    await db.errorGroup.update({
      where: { id: groupId },
      data: { status: "ignored", ignoredUntil: new Date(Date.now() - 1_000) },
    });
    await post(event(message));
    expect((await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).status).toBe(
      "unresolved",
    );
  });

  it("answers a batch that repeats an event_id with one stored row", async () => {
    const repeated = event(`batch-dup ${randomUUID()}`);
    const response = await post({
      events: [repeated, repeated, event(`batch-other ${randomUUID()}`)],
    });
    expect(response.status).toBe(201);
    const { events } = await response.json();
    expect(events.map((answer: { replay: boolean }) => answer.replay)).toEqual([
      false,
      true,
      false,
    ]);
    expect(
      await db.errorEvent.count({ where: { userId, idempotencyKey: repeated.event_id } }),
    ).toBe(1);
  });

  it("does not link a code version of another trader", async () => {
    const other = await seedTrader(db, { userId: (await seedUser(db)).id });
    const response = await post(
      event(`foreign version ${randomUUID()}`, { code_version_id: other.activeVersionId }),
    );
    const stored = await db.errorEvent.findUniqueOrThrow({
      where: { id: (await response.json()).id },
    });
    expect(stored.codeVersionId).toBeNull();
  });
});
