import { beforeAll, describe, expect, it } from "vitest";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { uniqueSuffix } from "@/tests/factories/unique";

// Without RESEND_API_KEY nothing leaves the server: every email is kept for the mailbox.
async function loadApp() {
  const [db, delivery, sending, list, get, users, traders] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/notifications/deliver-notification"),
    import("@/lib/email/email-sending"),
    import("@/lib/email/list-mailbox-emails"),
    import("@/lib/email/get-mailbox-email"),
    import("@/tests/factories/seed-user"),
    import("@/tests/factories/seed-trader"),
  ]);
  return { ...db, ...delivery, ...sending, ...list, ...get, ...users, ...traders };
}
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  app = await loadApp();
});

async function seedDeliveredNotification() {
  const db = app.getDb();
  const user = await app.seedUser(db);
  const trader = await app.seedTrader(db, { userId: user.id });
  const group = await seedErrorGroup(db, {
    userId: user.id,
    traderId: trader.id,
    errorType: "timeout",
    title: `Filter timed out after 5000 ms ${uniqueSuffix()}`,
  });
  const notification = await db.notification.create({
    data: {
      userId: user.id,
      traderId: trader.id,
      groupId: group.id,
      kind: "new_group",
      title: "x",
    },
  });
  const outcome = await app.deliverNotification({ notificationId: notification.id });
  return { db, user, group, notification, outcome };
}

describe("email without a provider", () => {
  it("stores the rendered email instead of sending it", async () => {
    const { db, group, notification, outcome } = await seedDeliveredNotification();

    expect(app.isEmailSendingConfigured()).toBe(false);
    expect(outcome).toMatchObject({ result: "email", status: "stored" });
    const row = await db.emailMessage.findUniqueOrThrow({
      where: { idempotencyKey: `notification:${notification.id}` },
    });
    expect(row).toMatchObject({ status: "stored", providerId: null, sentAt: null, error: null });
    expect(row.html).toContain(group.title);
    expect(row.text).toContain(group.title);

    expect(await app.deliverNotification({ notificationId: notification.id })).toEqual(outcome);
    expect(await db.emailMessage.count({ where: { notificationId: notification.id } })).toBe(1);
  });

  it("shows users their own mailbox only", async () => {
    const mine = await seedDeliveredNotification();
    const theirs = await seedDeliveredNotification();
    const emailId = mine.outcome.result === "email" ? mine.outcome.emailId : "";

    const listed = await app.listMailboxEmails({ userId: mine.user.id });
    expect(listed.map((email) => email.id)).toEqual([emailId]);
    expect(listed[0]).toMatchObject({ kind: "new_group", status: "stored" });
    expect(listed[0]).not.toHaveProperty("html");

    const opened = await app.getMailboxEmail({ userId: mine.user.id, emailId });
    expect(opened?.html).toContain(mine.group.title);
    expect(await app.getMailboxEmail({ userId: theirs.user.id, emailId })).toBeNull();
  });
});
