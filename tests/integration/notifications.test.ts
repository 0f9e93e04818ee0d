import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { createNotification } from "@/lib/notifications/create-notification";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();

async function seedNotification(
  userId: string,
  fields: { title?: string; createdAt?: Date; readAt?: Date | null } = {},
) {
  return db.notification.create({
    data: {
      userId,
      kind: "new_group",
      title: fields.title ?? `New error: ${randomUUID()}`,
      createdAt: fields.createdAt,
      readAt: fields.readAt ?? null,
    },
    select: { id: true, title: true, readAt: true },
  });
}

const deliveryJobs = (notificationId: string) =>
  db.job.findMany({ where: { dedupeKey: `notification.deliver:${notificationId}` } });

describe("createNotification", () => {
  let userId: string;
  let traderId: string;
  let groupId: string;

  beforeAll(async () => {
    userId = (await seedUser(db)).id;
    traderId = (await seedTrader(db, { userId })).id;
    groupId = (await seedErrorGroup(db, { userId, traderId })).id;
  });

  it("writes the notification and exactly one delivery job in the caller's transaction", async () => {
    const notification = await db.$transaction((tx) =>
      createNotification(tx, {
        userId,
        kind: "fix_ready",
        title: "Fix ready: close of undefined",
        body: "A candidate fix passed the replay.",
        groupId,
        traderId,
        data: { attemptId: "a-1" },
      }),
    );

    const row = await db.notification.findUniqueOrThrow({ where: { id: notification.id } });
    expect(row).toMatchObject({
      userId,
      kind: "fix_ready",
      title: "Fix ready: close of undefined",
      body: "A candidate fix passed the replay.",
      groupId,
      traderId,
      data: { attemptId: "a-1" },
      readAt: null,
    });
    const jobs = await deliveryJobs(notification.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      kind: "notification.deliver",
      payload: { notificationId: notification.id },
      status: "pending",
    });
  });

  it("leaves neither the row nor the job behind when the transaction rolls back", async () => {
    const title = `Workflow disabled ${randomUUID()}`;
    let createdId: string | undefined;
    await expect(
      db.$transaction(async (tx) => {
        createdId = (await createNotification(tx, { userId, kind: "workflow_disabled", title })).id;
        throw new Error("the caller's later step failed");
      }),
    ).rejects.toThrow("the caller's later step failed");

    expect(createdId).toBeDefined();
    expect(await db.notification.count({ where: { userId, title } })).toBe(0);
    expect(await deliveryJobs(createdId ?? "")).toHaveLength(0);
  });

  it("refuses to link another user's group and writes nothing", async () => {
    const other = await seedUser(db);
    const title = `Fix ready ${randomUUID()}`;
    const attempt = db.$transaction((tx) =>
      createNotification(tx, { userId: other.id, kind: "fix_ready", title, groupId }),
    );
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    expect(await db.notification.count({ where: { title } })).toBe(0);
  });
});

describe("listing, counting and marking notifications", () => {
  let ownerId: string;
  let strangerId: string;
  // Oldest first: ids[0] at 08:00, ids[4] at 08:04.
  let ids: string[];

  beforeAll(async () => {
    ownerId = (await seedUser(db)).id;
    strangerId = (await seedUser(db)).id;
    ids = [];
    for (let minute = 0; minute < 5; minute += 1) {
      const { id } = await seedNotification(ownerId, {
        createdAt: new Date(`2026-04-01T08:0${minute}:00.000Z`),
        // Every other one already read.
        readAt: minute % 2 === 1 ? new Date("2026-04-01T09:00:00.000Z") : null,
      });
      ids.push(id);
    }
    await seedNotification(strangerId);
  });

  it("lists the owner's notifications newest first, page by page", async () => {
    const first = await listNotifications({ userId: ownerId, limit: 2 });
    expect(first.notifications.map((n) => n.id)).toEqual([ids[4], ids[3]]);
    expect(first.nextCursor).not.toBeNull();

    const second = await listNotifications({
      userId: ownerId,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.notifications.map((n) => n.id)).toEqual([ids[2], ids[1]]);

    const last = await listNotifications({
      userId: ownerId,
      limit: 2,
      cursor: second.nextCursor ?? undefined,
    });
    expect(last.notifications.map((n) => n.id)).toEqual([ids[0]]);
    expect(last.nextCursor).toBeNull();
  });

  it("filters to unread", async () => {
    const page = await listNotifications({ userId: ownerId, isUnreadOnly: true, limit: 10 });
    expect(page.notifications.map((n) => n.id)).toEqual([ids[4], ids[2], ids[0]]);
  });

  it("never lists or counts another user's notifications", async () => {
    const page = await listNotifications({ userId: strangerId, limit: 50 });
    expect(page.notifications).toHaveLength(1);
    expect(page.notifications.map((n) => n.id)).not.toContain(ids[0]);
    expect(await countUnreadNotifications({ userId: strangerId })).toBe(1);
  });

  it("refuses a forged cursor", async () => {
    await expect(
      listNotifications({ userId: ownerId, limit: 2, cursor: "not-a-cursor" }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("refuses an empty user id instead of reading everyone's rows", async () => {
    await expect(listNotifications({ userId: "", limit: 2 })).rejects.toBeInstanceOf(AppError);
    await expect(countUnreadNotifications({ userId: "" })).rejects.toBeInstanceOf(AppError);
    await expect(markNotificationsRead({ userId: "" })).rejects.toBeInstanceOf(AppError);
  });
});

describe("markNotificationsRead", () => {
  it("marks one notification read, idempotently", async () => {
    const { id: userId } = await seedUser(db);
    const target = await seedNotification(userId);
    const other = await seedNotification(userId);
    const readAt = new Date("2026-04-02T10:00:00.000Z");

    expect(await markNotificationsRead({ userId, notificationId: target.id, now: readAt })).toEqual(
      { markedCount: 1 },
    );
    expect(await countUnreadNotifications({ userId })).toBe(1);

    // Again, later: nothing changes, and the first read time is kept.
    expect(
      await markNotificationsRead({
        userId,
        notificationId: target.id,
        now: new Date("2026-04-03T10:00:00.000Z"),
      }),
    ).toEqual({ markedCount: 0 });
    const row = await db.notification.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.readAt?.toISOString()).toBe(readAt.toISOString());
    const untouched = await db.notification.findUniqueOrThrow({ where: { id: other.id } });
    expect(untouched.readAt).toBeNull();
  });

  it("marks all of the user's unread notifications and nobody else's", async () => {
    const { id: userId } = await seedUser(db);
    const { id: neighbourId } = await seedUser(db);
    await seedNotification(userId);
    await seedNotification(userId);
    await seedNotification(userId, { readAt: new Date("2026-04-01T00:00:00.000Z") });
    const neighbours = await seedNotification(neighbourId);

    expect(await markNotificationsRead({ userId })).toEqual({ markedCount: 2 });
    expect(await countUnreadNotifications({ userId })).toBe(0);
    expect(await markNotificationsRead({ userId })).toEqual({ markedCount: 0 });
    const row = await db.notification.findUniqueOrThrow({ where: { id: neighbours.id } });
    expect(row.readAt).toBeNull();
  });

  it("answers not_found for another user's notification and leaves it unread", async () => {
    const { id: ownerId } = await seedUser(db);
    const { id: intruderId } = await seedUser(db);
    const target = await seedNotification(ownerId);

    await expect(
      markNotificationsRead({ userId: intruderId, notificationId: target.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      markNotificationsRead({ userId: intruderId, notificationId: randomUUID() }),
    ).rejects.toMatchObject({ code: "not_found" });
    const row = await db.notification.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.readAt).toBeNull();
    expect(await countUnreadNotifications({ userId: ownerId })).toBe(1);
  });
});
