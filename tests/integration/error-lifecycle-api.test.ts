import { beforeAll, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/errors/[id]/route";
import { getDb } from "@/lib/db";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest } from "@/tests/support/api-request";

const db = getDb();

describe("PATCH /api/errors/:id", () => {
  let token: string;
  let userId: string;
  let traderId: string;

  beforeAll(async () => {
    userId = (await seedUser(db)).id;
    traderId = (await seedTrader(db, { userId })).id;
    token = (await seedApiKey(db, { userId })).token;
  });

  function patch(groupId: string, body: unknown) {
    return PATCH(jsonRequest(`/api/errors/${groupId}`, { token, method: "PATCH", body }), {
      params: Promise.resolve({ id: groupId }),
    });
  }

  const readGroup = (id: string) => db.errorGroup.findUniqueOrThrow({ where: { id } });
  const readActivities = (groupId: string) =>
    db.groupActivity.findMany({ where: { groupId }, orderBy: { createdAt: "asc" } });

  it("resolves with a note, records the activity and sets resolved_at", async () => {
    const { id: groupId } = await seedErrorGroup(db, { userId, traderId });
    const before = Date.now();
    const response = await patch(groupId, { status: "resolved", note: "  fixed the RSI guard " });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.group).toMatchObject({ id: groupId, status: "resolved" });
    expect(body.activity).toMatchObject({
      kind: "status_changed",
      actor_kind: "user",
      actor_user_id: userId,
      from_status: "unresolved",
      to_status: "resolved",
      note: "fixed the RSI guard",
    });

    const group = await readGroup(groupId);
    expect(group.status).toBe("resolved");
    expect(group.resolvedAt?.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(body.group.resolved_at).toBe(group.resolvedAt?.toISOString());
    const activities = await readActivities(groupId);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      id: body.activity.id,
      actorKind: "user",
      actorUserId: userId,
      kind: "status_changed",
      fromStatus: "unresolved",
      toStatus: "resolved",
      note: "fixed the RSI guard",
    });
  });

  it("reopens a resolved group and clears resolved_at", async () => {
    const { id: groupId } = await seedErrorGroup(db, {
      userId,
      traderId,
      status: "resolved",
      resolvedAt: new Date(),
    });
    const response = await patch(groupId, { status: "unresolved" });
    expect(response.status).toBe(200);
    const group = await readGroup(groupId);
    expect(group.status).toBe("unresolved");
    expect(group.resolvedAt).toBeNull();
    const [activity] = await readActivities(groupId);
    expect(activity).toMatchObject({ fromStatus: "resolved", toStatus: "unresolved", note: null });
  });

  it("ignores forever", async () => {
    const { id: groupId } = await seedErrorGroup(db, { userId, traderId });
    expect((await patch(groupId, { status: "ignored" })).status).toBe(200);
    expect(await readGroup(groupId)).toMatchObject({
      status: "ignored",
      ignoredUntil: null,
      ignoredUntilCount: null,
    });
  });

  it("ignores until a time", async () => {
    const { id: groupId } = await seedErrorGroup(db, { userId, traderId });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const response = await patch(groupId, { status: "ignored", ignore: { until } });
    expect(response.status).toBe(200);
    expect((await response.json()).group.ignored_until).toBe(until);
    const group = await readGroup(groupId);
    expect(group.ignoredUntil?.toISOString()).toBe(until);
    expect(group.ignoredUntilCount).toBeNull();
  });

  it("ignores until N more events, stored as the reopening event count", async () => {
    const { id: groupId } = await seedErrorGroup(db, { userId, traderId, eventCount: 7 });
    expect((await patch(groupId, { status: "ignored", ignore: { events: 10 } })).status).toBe(200);
    expect(await readGroup(groupId)).toMatchObject({
      status: "ignored",
      ignoredUntil: null,
      ignoredUntilCount: 17,
    });
    // Reopening clears the ignore window again.
    expect((await patch(groupId, { status: "unresolved" })).status).toBe(200);
    expect((await readGroup(groupId)).ignoredUntilCount).toBeNull();
  });

  it.each([
    [{ status: "ignored", ignore: { until: "2020-01-01T00:00:00Z" } }, "ignore.until"],
    [{ status: "ignored", ignore: { until: "2099-01-01T00:00:00Z", events: 3 } }, "ignore"],
    [{ status: "resolved", ignore: { events: 3 } }, "ignore"],
    [{ status: "ignored", ignore: { events: 0 } }, "ignore.events"],
    [{ status: "closed" }, "status"],
    [{ note: "no status" }, "status"],
    [{ status: "resolved", extra: true }, "(root)"],
  ])("answers %j with 422 naming %s", async (body, field) => {
    const { id: groupId } = await seedErrorGroup(db, { userId, traderId });
    const response = await patch(groupId, body);
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors.map((error: { path: string }) => error.path)).toContain(field);
    expect(await readGroup(groupId)).toMatchObject({ status: "unresolved" });
    expect(await readActivities(groupId)).toHaveLength(0);
  });

  it("answers malformed JSON with 400", async () => {
    const { id: groupId } = await seedErrorGroup(db, { userId, traderId });
    const response = await PATCH(
      jsonRequest(`/api/errors/${groupId}`, { token, method: "PATCH", rawBody: "{status" }),
      { params: Promise.resolve({ id: groupId }) },
    );
    expect(response.status).toBe(400);
  });

  it.each(["fix_proposed", "fix_deployed", "regressed"] as const)(
    "refuses a user request for the system-owned status %s with 409",
    async (status) => {
      const { id: groupId } = await seedErrorGroup(db, { userId, traderId });
      const response = await patch(groupId, { status });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: "conflict" });
      expect(await readGroup(groupId)).toMatchObject({ status: "unresolved" });
      expect(await readActivities(groupId)).toHaveLength(0);
    },
  );

  it("answers a change to the current status with 200 and records nothing", async () => {
    const { id: groupId } = await seedErrorGroup(db, {
      userId,
      traderId,
      status: "resolved",
      resolvedAt: new Date(),
    });
    const before = await readGroup(groupId);
    const response = await patch(groupId, { status: "resolved", note: "again" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.activity).toBeNull();
    expect(body.group.status).toBe("resolved");
    expect(await readActivities(groupId)).toHaveLength(0);
    expect((await readGroup(groupId)).resolvedAt).toEqual(before.resolvedAt);
  });

  it("lets a user dismiss a proposed fix by reopening", async () => {
    const { id: groupId } = await seedErrorGroup(db, { userId, traderId, status: "fix_proposed" });
    expect((await patch(groupId, { status: "unresolved" })).status).toBe(200);
    const [activity] = await readActivities(groupId);
    expect(activity).toMatchObject({ fromStatus: "fix_proposed", toStatus: "unresolved" });
  });
});
