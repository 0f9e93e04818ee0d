import { Resend } from "resend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { uniqueSuffix } from "@/tests/factories/unique";
import { startFakeResendServer } from "@/tests/support/fake-resend-server";

const API_KEY = "re_test_notification_delivery";
let fake: Awaited<ReturnType<typeof startFakeResendServer>>;

async function loadApp() {
  const [db, delivery, digest, schedule, preferences, users, traders] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/notifications/deliver-notification"),
    import("@/lib/notifications/daily-digest-email"),
    import("@/lib/notifications/daily-digest-schedule"),
    import("@/lib/notifications/notification-preferences"),
    import("@/tests/factories/seed-user"),
    import("@/tests/factories/seed-trader"),
  ]);
  return { ...db, ...delivery, ...digest, ...schedule, ...preferences, ...users, ...traders };
}
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  fake = await startFakeResendServer(API_KEY);
  // lib/env reads the environment when first imported: set it before importing the app.
  process.env.RESEND_API_KEY = API_KEY;
  process.env.RESEND_BASE_URL = fake.baseUrl;
  process.env.EMAIL_THROTTLE_MINUTES = "60";
  process.env.DIGEST_HOUR_UTC = "8";
  process.env.APP_URL = "http://localhost:3000";
  app = await loadApp();
});

afterAll(async () => {
  await fake.close();
});

async function seedOwner() {
  const db = app.getDb();
  const user = await app.seedUser(db);
  const trader = await app.seedTrader(db, { userId: user.id });
  return { db, user, trader };
}

async function seedNotification(
  db: Db,
  options: {
    userId: string;
    traderId: string;
    groupId?: string;
    kind?: NotificationKind;
    createdAt?: Date;
  },
) {
  return db.notification.create({
    data: {
      userId: options.userId,
      traderId: options.traderId,
      groupId: options.groupId,
      kind: options.kind ?? "new_group",
      title: `Notification ${uniqueSuffix()}`,
      createdAt: options.createdAt,
    },
  });
}

const requestsFor = (key: string) => fake.requests.filter((r) => r.idempotencyKey === key);
const deliveriesFor = (key: string) => fake.received.filter((r) => r.idempotencyKey === key);

describe("the fake Resend server", () => {
  it("answers like Resend to a wrong key and to a missing field", async () => {
    const wrong = new Resend("re_wrong_key", { baseUrl: fake.baseUrl });
    const refused = await wrong.emails.send({
      from: "a@example.test",
      to: "b@example.test",
      subject: "x",
      text: "x",
    });
    expect(refused.error).toMatchObject({ name: "invalid_api_key", statusCode: 403 });

    const right = new Resend(API_KEY, { baseUrl: fake.baseUrl });
    const invalid = await right.emails.send(
      { from: "a@example.test", to: "not-an-address", subject: "x", text: "x" },
      { idempotencyKey: `fake-${uniqueSuffix()}` },
    );
    expect(invalid.error).toMatchObject({ name: "validation_error", statusCode: 422 });

    const key = `fake-${uniqueSuffix()}`;
    const send = (subject: string) =>
      right.emails.send(
        { from: "a@example.test", to: "b@example.test", subject, text: "x" },
        { idempotencyKey: key },
      );
    const first = await send("same");
    expect((await send("same")).data).toEqual(first.data);
    expect((await send("different")).error).toMatchObject({ name: "invalid_idempotent_request" });
    expect(deliveriesFor(key)).toHaveLength(1);
  });
});

describe("immediate notification emails", () => {
  it("sends one email through Resend with the payload and the notification's idempotency key", async () => {
    const { db, user, trader } = await seedOwner();
    const group = await seedErrorGroup(db, { userId: user.id, traderId: trader.id });
    const notification = await seedNotification(db, {
      userId: user.id,
      traderId: trader.id,
      groupId: group.id,
    });
    const key = `notification:${notification.id}`;

    const outcome = await app.deliverNotification({ notificationId: notification.id });

    expect(outcome).toMatchObject({ result: "email", status: "sent" });
    expect(deliveriesFor(key)).toHaveLength(1);
    const [sent] = deliveriesFor(key);
    expect(sent).toMatchObject({
      from: "Faultline <alerts@faultline.local>",
      to: user.email,
      subject: `New error in ${trader.name}: ${group.title}`,
    });
    const groupUrl = `http://localhost:3000/errors/${group.id}`;
    expect(sent?.html).toContain(`href="${groupUrl}"`);
    expect(sent?.text).toContain(groupUrl);
    expect(sent?.text).toContain(group.title);

    const row = await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row).toMatchObject({
      userId: user.id,
      notificationId: notification.id,
      kind: "new_group",
      toAddress: user.email,
      status: "sent",
      providerId: sent?.id,
      error: null,
    });
    expect(row.sentAt).not.toBeNull();
    expect(row.html).toBe(sent?.html);
  });

  it("never sends twice when the job runs again, even after a crash before recording", async () => {
    const { db, user, trader } = await seedOwner();
    const group = await seedErrorGroup(db, { userId: user.id, traderId: trader.id });
    const notification = await seedNotification(db, {
      userId: user.id,
      traderId: trader.id,
      groupId: group.id,
    });
    const key = `notification:${notification.id}`;

    const first = await app.deliverNotification({ notificationId: notification.id });
    const again = await app.deliverNotification({ notificationId: notification.id });
    expect(again).toEqual(first);
    expect(requestsFor(key)).toHaveLength(1);

    // The provider accepted the email but the worker died before writing `sent`.
    await db.emailMessage.update({ where: { idempotencyKey: key }, data: { status: "pending" } });
    const retried = await app.deliverNotification({ notificationId: notification.id });

    expect(retried).toMatchObject({ status: "sent" });
    expect(requestsFor(key)).toHaveLength(2);
    expect(deliveriesFor(key)).toHaveLength(1);
    expect(await db.emailMessage.count({ where: { notificationId: notification.id } })).toBe(1);
  });

  it("records a provider error as failed and throws so the job retries; the retry sends once", async () => {
    const { db, user, trader } = await seedOwner();
    const notification = await seedNotification(db, {
      userId: user.id,
      traderId: trader.id,
      kind: "workflow_disabled",
    });
    const key = `notification:${notification.id}`;
    fake.failNext(1, {
      statusCode: 429,
      name: "rate_limit_exceeded",
      message: "Too many requests.",
    });

    await expect(app.deliverNotification({ notificationId: notification.id })).rejects.toThrow(
      /not sent: rate_limit_exceeded/,
    );
    const failed = await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(failed).toMatchObject({
      status: "failed",
      error: "rate_limit_exceeded: Too many requests.",
    });

    expect(await app.deliverNotification({ notificationId: notification.id })).toMatchObject({
      status: "sent",
    });
    expect(deliveriesFor(key)).toHaveLength(1);
    expect(
      await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: key } }),
    ).toMatchObject({ status: "sent", error: null });
  });

  it("throttles a group to one email per window; later ones are recorded as throttled", async () => {
    const { db, user, trader } = await seedOwner();
    const owner = { userId: user.id, traderId: trader.id };
    const group = await seedErrorGroup(db, owner);
    const other = await seedErrorGroup(db, owner);
    const first = await seedNotification(db, { ...owner, groupId: group.id });
    const second = await seedNotification(db, { ...owner, groupId: group.id, kind: "regression" });
    const otherGroup = await seedNotification(db, { ...owner, groupId: other.id });

    expect(await app.deliverNotification({ notificationId: first.id })).toMatchObject({
      status: "sent",
    });
    expect(await app.deliverNotification({ notificationId: second.id })).toMatchObject({
      status: "throttled",
    });
    expect(await app.deliverNotification({ notificationId: otherGroup.id })).toMatchObject({
      status: "sent",
    });
    expect(requestsFor(`notification:${second.id}`)).toHaveLength(0);
    const throttled = await db.emailMessage.findUniqueOrThrow({
      where: { idempotencyKey: `notification:${second.id}` },
    });
    expect(throttled.html).toContain(group.title);

    // Once the window has passed, the group may email again.
    await db.emailMessage.update({
      where: { idempotencyKey: `notification:${first.id}` },
      data: { createdAt: new Date(Date.now() - 61 * 60_000) },
    });
    const later = await seedNotification(db, { ...owner, groupId: group.id });
    expect(await app.deliverNotification({ notificationId: later.id })).toMatchObject({
      status: "sent",
    });
  });

  it("lets only one of two simultaneous notifications of a group through", async () => {
    const { db, user, trader } = await seedOwner();
    const owner = { userId: user.id, traderId: trader.id };
    const group = await seedErrorGroup(db, owner);
    const notifications = await Promise.all(
      [0, 1, 2].map(() => seedNotification(db, { ...owner, groupId: group.id })),
    );

    const outcomes = await Promise.all(
      notifications.map((n) => app.deliverNotification({ notificationId: n.id })),
    );

    const statuses = outcomes.map((o) => (o.result === "email" ? o.status : o.result)).sort();
    expect(statuses).toEqual(["sent", "throttled", "throttled"]);
  });

  it("honours the preference for the notification's kind: off sends nothing, digest waits", async () => {
    const { db, user, trader } = await seedOwner();
    const owner = { userId: user.id, traderId: trader.id };
    await app.setNotificationPreferences({
      userId: user.id,
      preferences: { new_group: "off", regression: "digest" },
    });
    const off = await seedNotification(db, { ...owner, kind: "new_group" });
    const digest = await seedNotification(db, { ...owner, kind: "regression" });
    const immediate = await seedNotification(db, { ...owner, kind: "fix_ready" });

    expect(await app.deliverNotification({ notificationId: off.id })).toEqual({ result: "off" });
    expect(await app.deliverNotification({ notificationId: digest.id })).toEqual({
      result: "digest",
    });
    expect(await app.deliverNotification({ notificationId: immediate.id })).toMatchObject({
      status: "sent",
    });
    const rows = await db.emailMessage.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.notificationId)).toEqual([immediate.id]);
    expect(requestsFor(`notification:${off.id}`)).toHaveLength(0);
    expect(requestsFor(`notification:${digest.id}`)).toHaveLength(0);
  });
});

describe("notification preferences", () => {
  it("default to immediate, keep unspecified kinds and refuse a digest of the digest", async () => {
    const { user } = await seedOwner();
    expect(await app.getNotificationPreferences({ userId: user.id })).toEqual(
      app.defaultNotificationPreferences,
    );

    await app.setNotificationPreferences({ userId: user.id, preferences: { fix_ready: "digest" } });
    const saved = await app.setNotificationPreferences({
      userId: user.id,
      preferences: { daily_digest: "off" },
    });
    expect(saved).toEqual({
      ...app.defaultNotificationPreferences,
      fix_ready: "digest",
      daily_digest: "off",
    });

    await expect(
      app.setNotificationPreferences({ userId: user.id, preferences: { daily_digest: "digest" } }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("daily digest", () => {
  // Digest windows in 2031 keep these rows apart from anything else in the shared database.
  const inWindow = (hour: number) =>
    new Date(`2031-03-09T${String(hour).padStart(2, "0")}:30:00.000Z`);

  it("sends one email per day with the digest-preference and throttled notifications", async () => {
    const { db, user, trader } = await seedOwner();
    const owner = { userId: user.id, traderId: trader.id };
    await app.setNotificationPreferences({
      userId: user.id,
      preferences: { regression: "digest", fix_ready: "off" },
    });
    const group = await seedErrorGroup(db, owner);
    const emailed = await seedNotification(db, {
      ...owner,
      groupId: group.id,
      createdAt: inWindow(9),
    });
    const throttled = await seedNotification(db, {
      ...owner,
      groupId: group.id,
      createdAt: inWindow(10),
    });
    const digested = await seedNotification(db, {
      ...owner,
      kind: "regression",
      createdAt: inWindow(11),
    });
    const tooOld = await seedNotification(db, {
      ...owner,
      kind: "regression",
      createdAt: new Date("2031-03-09T07:59:00.000Z"),
    });
    const muted = await seedNotification(db, {
      ...owner,
      kind: "fix_ready",
      createdAt: inWindow(12),
    });
    for (const notification of [emailed, throttled, digested, tooOld, muted]) {
      await app.deliverNotification({ notificationId: notification.id });
    }
    const key = `digest:${user.id}:2031-03-10`;

    const outcome = await app.sendDailyDigest({ userId: user.id, day: "2031-03-10" });

    expect(outcome).toMatchObject({ result: "email", status: "sent" });
    const [digest] = deliveriesFor(key);
    expect(deliveriesFor(key)).toHaveLength(1);
    expect(digest?.subject).toBe("Your Faultline digest: 2 notifications");
    expect(digest?.to).toBe(user.email);
    expect(digest?.text).toContain(throttled.title);
    expect(digest?.text).toContain(digested.title);
    for (const left of [emailed, tooOld, muted]) expect(digest?.text).not.toContain(left.title);
    expect(
      await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: key } }),
    ).toMatchObject({ kind: "daily_digest", status: "sent", notificationId: null });

    expect(await app.sendDailyDigest({ userId: user.id, day: "2031-03-10" })).toEqual(outcome);
    expect(requestsFor(key)).toHaveLength(1);
  });

  it("sends nothing when the digest is off or there is nothing to digest", async () => {
    const { db, user, trader } = await seedOwner();
    const owner = { userId: user.id, traderId: trader.id };
    expect(await app.sendDailyDigest({ userId: user.id, day: "2031-03-10" })).toEqual({
      result: "empty",
    });
    await app.setNotificationPreferences({
      userId: user.id,
      preferences: { regression: "digest", daily_digest: "off" },
    });
    await seedNotification(db, { ...owner, kind: "regression", createdAt: inWindow(9) });
    expect(await app.sendDailyDigest({ userId: user.id, day: "2031-03-10" })).toEqual({
      result: "off",
    });
    expect(await db.emailMessage.count({ where: { userId: user.id } })).toBe(0);
  });

  it("enqueues each user's digest once per day, only for users with something to digest", async () => {
    const { db, user: withItems, trader } = await seedOwner();
    const quiet = await app.seedUser(db);
    const muted = await app.seedUser(db);
    const mutedTrader = await app.seedTrader(db, { userId: muted.id });
    for (const [userId, preferences] of [
      [withItems.id, { regression: "digest" }],
      [muted.id, { regression: "digest", daily_digest: "off" }],
    ] as const) {
      await app.setNotificationPreferences({ userId, preferences });
    }
    await seedNotification(db, {
      userId: withItems.id,
      traderId: trader.id,
      kind: "regression",
      createdAt: new Date("2031-04-01T20:00:00.000Z"),
    });
    await seedNotification(db, {
      userId: muted.id,
      traderId: mutedTrader.id,
      kind: "regression",
      createdAt: new Date("2031-04-01T20:00:00.000Z"),
    });
    const now = new Date("2031-04-02T09:15:00.000Z");

    expect((await app.enqueueDailyDigests({ now })).day).toBe("2031-04-02");
    await app.enqueueDailyDigests({ now });

    const jobsFor = (userId: string) =>
      db.job.findMany({ where: { dedupeKey: app.dailyDigestJobKey(userId, "2031-04-02") } });
    const jobs = await jobsFor(withItems.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      kind: "email.digest",
      payload: { userId: withItems.id, day: "2031-04-02" },
      status: "pending",
    });
    expect(await jobsFor(quiet.id)).toHaveLength(0);
    expect(await jobsFor(muted.id)).toHaveLength(0);
  });
});
