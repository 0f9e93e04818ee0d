import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The sweep looks at every user's groups, so this file has a database of its own.
const CRON_SECRET = "cron-secret-for-regeneration-tests";
const { database } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const created = await createTestDatabase();
  process.env.DATABASE_URL = created.url;
  process.env.CRON_SECRET = "cron-secret-for-regeneration-tests";
  delete process.env.RESEND_API_KEY;
  return { database: created };
});

import { GET as cronGet } from "@/app/api/cron/regeneration/route";
import { getDb, getPool } from "@/lib/db";
import type { ErrorGroupStatus, ExecutionErrorType } from "@/lib/generated/prisma/enums";
import { jobHandlers } from "@/lib/jobs/job-handlers";
import { createNotification } from "@/lib/notifications/create-notification";
import type { AiSettingsValues } from "@/lib/regeneration/ai-settings-schema";
import { maybeAutoRegenerate } from "@/lib/regeneration/maybe-auto-regenerate";
import { STUCK_ATTEMPT_ERROR } from "@/lib/regeneration/stuck-attempts";
import { sweepAutoRegeneration } from "@/lib/regeneration/sweep-auto-regeneration";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";

const db = getDb();
const jobContext = { jobId: randomUUID(), attempt: 1 };

type Owner = { userId: string; traderId: string };

async function seedOwner(settings: Partial<AiSettingsValues> | null): Promise<Owner> {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  if (settings) await db.aiSettings.create({ data: { userId: user.id, ...settings } });
  return { userId: user.id, traderId: trader.id };
}

// Five events, past the default threshold of three, unless a test sets its own count.
async function seedGroup(
  owner: Owner,
  fields: { errorType?: ExecutionErrorType; eventCount?: number; status?: ErrorGroupStatus } = {},
) {
  const group = await seedErrorGroup(db, {
    ...owner,
    ...fields,
    eventCount: fields.eventCount ?? 5,
  });
  return group.id;
}

const attemptsOf = (groupId: string) =>
  db.regenerationAttempt.findMany({ where: { groupId }, orderBy: { createdAt: "asc" } });

afterAll(async () => {
  await getPool().end();
  await database.drop();
});

describe("maybeAutoRegenerate", () => {
  it("does nothing under the default policy (off)", async () => {
    const groupId = await seedGroup(await seedOwner(null), { eventCount: 50 });
    await expect(maybeAutoRegenerate({ groupId })).resolves.toEqual({
      result: "skipped",
      reason: "policy_off",
    });
    expect(await attemptsOf(groupId)).toEqual([]);
  });

  it("leaves timeouts alone under compile_runtime and fixes runtime errors", async () => {
    const owner = await seedOwner({ regenerationPolicy: "compile_runtime" });
    const timeout = await seedGroup(owner, { errorType: "timeout" });
    const runtime = await seedGroup(owner, { errorType: "runtime" });

    await expect(maybeAutoRegenerate({ groupId: timeout })).resolves.toEqual({
      result: "skipped",
      reason: "error_type",
    });
    const requested = await maybeAutoRegenerate({ groupId: runtime });

    expect(await attemptsOf(timeout)).toEqual([]);
    const [attempt] = await attemptsOf(runtime);
    expect(requested).toEqual({ result: "requested", attemptId: attempt?.id, isNew: true });
    expect(attempt).toMatchObject({ trigger: "auto", triggeredById: null, status: "queued" });
    expect(
      await db.job.findUniqueOrThrow({ where: { dedupeKey: `regeneration:${attempt?.id}` } }),
    ).toMatchObject({ kind: "regeneration.run" });
  });

  it("fixes any error type under the all policy", async () => {
    const owner = await seedOwner({ regenerationPolicy: "all" });
    const groupId = await seedGroup(owner, { errorType: "timeout" });
    await expect(maybeAutoRegenerate({ groupId })).resolves.toMatchObject({
      result: "requested",
      isNew: true,
    });
  });

  it("waits for the event threshold", async () => {
    const owner = await seedOwner({ regenerationPolicy: "all", autoTriggerMinEvents: 3 });
    const groupId = await seedGroup(owner, { eventCount: 2 });
    await expect(maybeAutoRegenerate({ groupId })).resolves.toEqual({
      result: "skipped",
      reason: "below_threshold",
    });
    await db.errorGroup.update({ where: { id: groupId }, data: { eventCount: 3 } });
    await expect(maybeAutoRegenerate({ groupId })).resolves.toMatchObject({
      result: "requested",
    });
  });

  it("tries once per occurrence: again only after a regression", async () => {
    const owner = await seedOwner({ regenerationPolicy: "all", groupCooldownMinutes: 0 });
    const groupId = await seedGroup(owner);
    const first = await maybeAutoRegenerate({ groupId });
    await db.regenerationAttempt.updateMany({
      where: { groupId },
      data: { status: "failed", completedAt: new Date() },
    });

    await expect(maybeAutoRegenerate({ groupId })).resolves.toEqual({ ...first, isNew: false });
    expect(await attemptsOf(groupId)).toHaveLength(1);

    await db.errorGroup.update({
      where: { id: groupId },
      data: { status: "regressed", regressedAt: new Date() },
    });
    await expect(maybeAutoRegenerate({ groupId })).resolves.toMatchObject({ isNew: true });
    expect(await attemptsOf(groupId)).toHaveLength(2);
  });

  it("skips groups that are not open and reports a cap as a skip", async () => {
    const owner = await seedOwner({ regenerationPolicy: "all", dailyAttemptCap: 0 });
    const resolved = await seedGroup(owner, { status: "resolved" });
    await expect(maybeAutoRegenerate({ groupId: resolved })).resolves.toEqual({
      result: "skipped",
      reason: "status",
    });
    const open = await seedGroup(owner);
    await expect(maybeAutoRegenerate({ groupId: open })).resolves.toEqual({
      result: "skipped",
      reason: "refused",
      message: expect.stringContaining("daily limit of 0 AI fix attempts"),
    });
    expect(await attemptsOf(open)).toEqual([]);
  });
});

describe("the notification hook", () => {
  async function notify(owner: Owner, groupId: string, kind: "new_group" | "fix_ready") {
    const notification = await db.$transaction((tx) =>
      createNotification(tx, { userId: owner.userId, kind, title: "New error", groupId }),
    );
    await jobHandlers["notification.deliver"]({ notificationId: notification.id }, jobContext);
    return notification.id;
  }

  it("queues one automatic check per new-group notification of a user with a policy", async () => {
    const owner = await seedOwner({ regenerationPolicy: "all", autoTriggerMinEvents: 1 });
    const groupId = await seedGroup(owner, { eventCount: 1 });
    const notificationId = await notify(owner, groupId, "new_group");
    // A retried delivery does not queue a second check.
    await jobHandlers["notification.deliver"]({ notificationId }, jobContext);

    const job = await db.job.findUniqueOrThrow({
      where: { dedupeKey: `regeneration.auto:${notificationId}` },
    });
    expect(job).toMatchObject({ kind: "regeneration.auto", payload: { groupId } });
    expect(
      await db.job.count({
        where: { kind: "regeneration.auto", payload: { equals: { groupId } } },
      }),
    ).toBe(1);

    await jobHandlers["regeneration.auto"]({ groupId }, jobContext);
    expect(await attemptsOf(groupId)).toEqual([expect.objectContaining({ trigger: "auto" })]);
  });

  it("queues nothing for a user whose policy is off, or for a fix notification", async () => {
    const off = await seedOwner(null);
    const offGroup = await seedGroup(off);
    const offNotification = await notify(off, offGroup, "new_group");
    const on = await seedOwner({ regenerationPolicy: "all" });
    const fixNotification = await notify(on, await seedGroup(on), "fix_ready");

    for (const notificationId of [offNotification, fixNotification]) {
      expect(
        await db.job.findUnique({ where: { dedupeKey: `regeneration.auto:${notificationId}` } }),
      ).toBeNull();
    }
  });
});

describe("sweepAutoRegeneration", () => {
  beforeEach(async () => {
    // Groups left open by earlier tests would be candidates too.
    await db.errorGroup.updateMany({ data: { status: "resolved" } });
  });

  it("requests a fix once for a group that crossed the threshold", async () => {
    const owner = await seedOwner({
      regenerationPolicy: "compile_runtime",
      autoTriggerMinEvents: 3,
    });
    const crossed = await seedGroup(owner, { eventCount: 3 });
    const below = await seedGroup(owner, { eventCount: 2 });
    const timeout = await seedGroup(owner, { errorType: "timeout", eventCount: 9 });
    const withoutSettings = await seedGroup(await seedOwner(null), { eventCount: 40 });

    await expect(sweepAutoRegeneration()).resolves.toEqual({
      stuckFailed: 0,
      candidates: 1,
      requested: 1,
      skipped: 0,
    });
    await expect(sweepAutoRegeneration()).resolves.toMatchObject({ candidates: 0 });

    expect(await attemptsOf(crossed)).toEqual([expect.objectContaining({ trigger: "auto" })]);
    for (const groupId of [below, timeout, withoutSettings]) {
      expect(await attemptsOf(groupId)).toEqual([]);
    }
  });

  it("fails attempts whose worker died", async () => {
    const owner = await seedOwner({ regenerationPolicy: "all" });
    const groupId = await seedGroup(owner, { status: "fix_proposed" });
    const attempt = await db.regenerationAttempt.create({
      data: {
        userId: owner.userId,
        groupId,
        traderId: owner.traderId,
        trigger: "auto",
        status: "running",
        createdAt: new Date(Date.now() - 45 * 60_000),
      },
    });

    await expect(sweepAutoRegeneration()).resolves.toMatchObject({ stuckFailed: 1 });

    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attempt.id } }),
    ).toMatchObject({
      status: "failed",
      error: STUCK_ATTEMPT_ERROR,
    });
  });

  it("is served to the cron with its secret only", async () => {
    const denied = await cronGet(jsonRequest("/api/cron/regeneration"), noParams);
    expect(denied.status).toBe(401);

    const owner = await seedOwner({ regenerationPolicy: "all" });
    const groupId = await seedGroup(owner);
    const response = await cronGet(
      jsonRequest("/api/cron/regeneration", { token: CRON_SECRET }),
      noParams,
    );
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ candidates: 1, requested: 1 });
    expect(await attemptsOf(groupId)).toHaveLength(1);
  });
});
