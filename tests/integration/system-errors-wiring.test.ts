import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// Job runs claim any due job, and system errors are global: a database of this file's
// own. Email goes to a fake Resend; realtime to a Pusher host that refuses connections.
const { database, fake } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const { startFakeResendServer } = await import("@/tests/support/fake-resend-server");
  const created = await createTestDatabase();
  const resend = await startFakeResendServer("re_test_wiring");
  process.env.DATABASE_URL = created.url;
  process.env.RESEND_API_KEY = "re_test_wiring";
  process.env.RESEND_BASE_URL = resend.baseUrl;
  process.env.PUSHER_APP_ID = "1";
  process.env.PUSHER_KEY = "wiring-key";
  process.env.PUSHER_SECRET = "wiring-secret";
  process.env.PUSHER_HOST = "127.0.0.1";
  process.env.PUSHER_PORT = "1";
  process.env.PUSHER_USE_TLS = "false";
  return { database: created, fake: resend };
});

import { getDb, getPool } from "@/lib/db";
import { jobHandlers } from "@/lib/jobs/job-handlers";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { deliverNotification } from "@/lib/notifications/deliver-notification";
import { publishToUser } from "@/lib/realtime/publish-to-user";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();

afterAll(async () => {
  await fake.close();
  await getPool().end();
  await database.drop();
});

describe("failures of Faultline's machinery become system errors", () => {
  it("logs a job crash (low) and its dead letter (high) with the job id", async () => {
    const message = `digest exploded ${randomUUID()}`;
    const handlers = {
      ...jobHandlers,
      "email.digest": async () => {
        throw new Error(message);
      },
    };
    const job = await db.job.create({
      data: {
        kind: "email.digest",
        payload: { userId: randomUUID(), day: "2031-01-01" },
        maxAttempts: 2,
      },
    });
    expect(await runDueJobs({ limit: 5, workerId: "wiring-1", handlers })).toMatchObject({
      retried: 1,
    });
    const crash = await db.systemError.findFirstOrThrow({ where: { jobId: job.id } });
    expect(crash).toMatchObject({
      errorType: "job_failed",
      severity: "low",
      component: "jobs",
      message: "email.digest failed; will retry",
      context: { kind: "email.digest", attempt: 1, max_attempts: 2, error: `Error: ${message}` },
    });
    expect(crash.stackTrace).toContain(message);

    await db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    expect(await runDueJobs({ limit: 5, workerId: "wiring-2", handlers })).toMatchObject({
      dead: 1,
    });
    const dead = await db.systemError.findFirstOrThrow({
      where: { jobId: job.id, errorType: "job_dead_letter" },
    });
    expect(dead).toMatchObject({ severity: "high", message: `email.digest: Error: ${message}` });
  });

  it("logs a dead letter for a job no handler can run", async () => {
    const job = await db.job.create({ data: { kind: "no.such.kind", payload: {} } });
    expect(await runDueJobs({ limit: 5, workerId: "wiring-3" })).toMatchObject({ dead: 1 });
    expect(await db.systemError.findFirstOrThrow({ where: { jobId: job.id } })).toMatchObject({
      errorType: "job_dead_letter",
      severity: "high",
      message: 'no.such.kind: Unknown job kind "no.such.kind".',
    });
  });

  it("logs an email delivery failure and still throws so the job retries", async () => {
    const user = await seedUser(db);
    const trader = await seedTrader(db, { userId: user.id });
    const notification = await db.notification.create({
      data: { userId: user.id, traderId: trader.id, kind: "workflow_disabled", title: "Stopped" },
    });
    fake.failNext(1, { statusCode: 500, name: "application_error", message: "Resend is down." });
    await expect(deliverNotification({ notificationId: notification.id })).rejects.toThrow(
      /Resend is down/,
    );
    const logged = await db.systemError.findFirstOrThrow({
      where: { errorType: "email_delivery_failed" },
    });
    expect(logged).toMatchObject({
      severity: "medium",
      component: "email",
      context: { notification_id: notification.id, user_id: user.id, kind: "workflow_disabled" },
    });
    expect(JSON.stringify(logged.context)).toContain("Resend is down.");
  });

  it("logs a failed realtime publish without throwing", async () => {
    const userId = randomUUID();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(
      publishToUser(userId, { type: "trader.updated", traderId: randomUUID(), state: "error" }),
    ).resolves.toBeUndefined();
    const logged = await db.systemError.findFirstOrThrow({
      where: { errorType: "realtime_publish_failed" },
    });
    expect(logged).toMatchObject({
      severity: "low",
      component: "realtime",
      context: { user_id: userId },
    });
  });
});
