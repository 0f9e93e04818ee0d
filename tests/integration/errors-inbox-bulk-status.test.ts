import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { changeGroupStatuses, MAX_BULK_GROUPS } from "@/lib/errors/change-group-statuses";
import { AppError } from "@/lib/http/app-error";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();

const readGroup = (id: string) => db.errorGroup.findUniqueOrThrow({ where: { id } });
const readActivities = (groupId: string) =>
  db.groupActivity.findMany({ where: { groupId }, orderBy: { createdAt: "asc" } });

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("changeGroupStatuses (the inbox's bulk resolve / ignore / reopen)", () => {
  let userId: string;
  let traderId: string;
  let otherUserId: string;
  let otherTraderId: string;

  beforeAll(async () => {
    userId = (await seedUser(db)).id;
    traderId = (await seedTrader(db, { userId })).id;
    otherUserId = (await seedUser(db)).id;
    otherTraderId = (await seedTrader(db, { userId: otherUserId })).id;
  });

  it("resolves several groups, each with an activity row carrying the note", async () => {
    const { id: first } = await seedErrorGroup(db, { userId, traderId });
    const { id: second } = await seedErrorGroup(db, { userId, traderId, status: "regressed" });
    const now = new Date("2026-04-02T09:00:00.000Z");

    const result = await changeGroupStatuses({
      userId,
      groupIds: [first, second],
      to: "resolved",
      note: "Guarded the empty candle window",
      now,
    });

    expect(result).toEqual({ changed: [first, second], unchanged: [], failed: [] });
    for (const [groupId, fromStatus] of [
      [first, "unresolved"],
      [second, "regressed"],
    ] as const) {
      const group = await readGroup(groupId);
      expect(group.status).toBe("resolved");
      expect(group.resolvedAt).toEqual(now);
      const activities = await readActivities(groupId);
      expect(activities).toHaveLength(1);
      expect(activities[0]).toMatchObject({
        kind: "status_changed",
        actorKind: "user",
        actorUserId: userId,
        fromStatus,
        toStatus: "resolved",
        note: "Guarded the empty candle window",
      });
    }
  });

  it("ignores and reopens without a note, leaving groups already there untouched", async () => {
    const { id: open } = await seedErrorGroup(db, { userId, traderId });
    const { id: alreadyIgnored } = await seedErrorGroup(db, {
      userId,
      traderId,
      status: "ignored",
    });

    const ignored = await changeGroupStatuses({
      userId,
      groupIds: [open, alreadyIgnored],
      to: "ignored",
    });
    expect(ignored).toEqual({ changed: [open], unchanged: [alreadyIgnored], failed: [] });
    expect((await readGroup(open)).status).toBe("ignored");
    expect(await readActivities(alreadyIgnored)).toHaveLength(0);
    expect((await readActivities(open))[0]?.note).toBeNull();

    const reopened = await changeGroupStatuses({
      userId,
      groupIds: [open, alreadyIgnored],
      to: "unresolved",
    });
    expect(reopened.changed).toEqual([open, alreadyIgnored]);
    expect((await readGroup(alreadyIgnored)).status).toBe("unresolved");
  });

  it("rejects another user's group and unknown ids one by one, changing the rest", async () => {
    const { id: own } = await seedErrorGroup(db, { userId, traderId });
    const { id: foreign } = await seedErrorGroup(db, {
      userId: otherUserId,
      traderId: otherTraderId,
    });
    const missing = randomUUID();

    const result = await changeGroupStatuses({
      userId,
      groupIds: [foreign, own, missing, "not-a-uuid"],
      to: "resolved",
      note: "should not reach the other tenant",
    });

    expect(result.changed).toEqual([own]);
    expect(result.unchanged).toEqual([]);
    expect(result.failed).toEqual(
      [foreign, missing, "not-a-uuid"].map((groupId) => ({
        groupId,
        code: "not_found",
        // The same answer for all three, so other tenants' ids cannot be probed.
        message: "This error group does not exist.",
      })),
    );
    const foreignGroup = await readGroup(foreign);
    expect(foreignGroup.status).toBe("unresolved");
    expect(foreignGroup.resolvedAt).toBeNull();
    expect(await readActivities(foreign)).toHaveLength(0);
    expect((await readGroup(own)).status).toBe("resolved");
  });

  it("acts once on an id listed twice", async () => {
    const { id: group } = await seedErrorGroup(db, { userId, traderId });
    const result = await changeGroupStatuses({ userId, groupIds: [group, group], to: "resolved" });
    expect(result.changed).toEqual([group]);
    expect(await readActivities(group)).toHaveLength(1);
  });

  it("refuses statuses only Faultline sets, for the whole batch", async () => {
    const { id: group } = await seedErrorGroup(db, { userId, traderId });
    for (const to of ["regressed", "fix_proposed", "fix_deployed"] as const) {
      await expectAppError(changeGroupStatuses({ userId, groupIds: [group], to }), "conflict");
    }
    expect((await readGroup(group)).status).toBe("unresolved");
    expect(await readActivities(group)).toHaveLength(0);
  });

  it("requires a signed-in user and a bounded, non-empty list", async () => {
    const { id: group } = await seedErrorGroup(db, { userId, traderId });
    await expectAppError(
      changeGroupStatuses({ userId: "", groupIds: [group], to: "resolved" }),
      "unauthorized",
    );
    await expectAppError(
      changeGroupStatuses({ userId, groupIds: [], to: "resolved" }),
      "validation_failed",
    );
    const tooMany = Array.from({ length: MAX_BULK_GROUPS + 1 }, () => randomUUID());
    await expectAppError(
      changeGroupStatuses({ userId, groupIds: tooMany, to: "resolved" }),
      "validation_failed",
    );
    expect((await readGroup(group)).status).toBe("unresolved");
  });
});
