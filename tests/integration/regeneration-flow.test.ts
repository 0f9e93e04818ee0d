import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The job queue is global (a runner claims any due job), so this file runs it on a
// database of its own; the app's own LLM client is pointed at the fake server.
const { database, fake } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const { startFakeOpenAiServer } = await import("@/tests/support/fake-openai-server");
  const created = await createTestDatabase();
  const server = await startFakeOpenAiServer({ apiKey: "sk-test-flow", model: "gpt-4.1-mini" });
  process.env.DATABASE_URL = created.url;
  process.env.OPENAI_API_KEY = "sk-test-flow";
  process.env.OPENAI_BASE_URL = server.baseUrl;
  process.env.OPENAI_MODEL = "gpt-4.1-mini";
  process.env.OPENAI_API_MODE = "chat";
  process.env.AI_TELEMETRY = "true";
  delete process.env.RESEND_API_KEY;
  return { database: created, fake: server };
});

import { registerTelemetry } from "ai";
import { getDb, getPool } from "@/lib/db";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import { createWorkerId } from "@/lib/jobs/create-worker-id";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import type { AttemptVerification } from "@/lib/regeneration/generate-verified-fix";
import { maybeAutoRegenerate } from "@/lib/regeneration/maybe-auto-regenerate";
import { requestRegeneration } from "@/lib/regeneration/request-regeneration";
import { STUCK_ATTEMPT_ERROR } from "@/lib/regeneration/stuck-attempts";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { cannedError, cannedOutput } from "@/tests/support/fake-openai-server";

const db = getDb();

const FAILING_CODE = `export default function filter({ candles, params }) {
  const reference = candles[params.lookback];
  const last = candles[candles.length - 1];
  return last.close > reference.close;
}
`;
const GOOD_CODE = `export default function filter({ candles, params }) {
  const lookback = params.lookback ?? 20;
  if (candles.length <= lookback) return { match: false, note: "not enough history" };
  return candles[candles.length - 1].close > candles[lookback].close;
}
`;
const EXPLANATION = "The filter read candle 20 of a 3-candle history. It now waits for enough.";

const candle = (index: number, close: number) => ({
  openTime: Date.UTC(2026, 10, 20, 9, 0) + index * 300_000,
  open: close,
  high: close * 1.004,
  low: close * 0.995,
  close,
  volume: 1_200,
  closeTime: Date.UTC(2026, 10, 20, 9, 0) + index * 300_000 + 299_999,
});

async function seedFailingGroup(status: ErrorGroupStatus = "unresolved") {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id, code: FAILING_CODE });
  const seenAt = new Date("2026-11-20T09:15:00.000Z");
  const title = "TypeError: Cannot read properties of undefined (reading 'close')";
  const group = await seedErrorGroup(db, {
    userId: user.id,
    traderId: trader.id,
    title,
    status,
    eventCount: 4,
    seenAt,
  });
  await db.errorEvent.create({
    data: {
      userId: user.id,
      traderId: trader.id,
      groupId: group.id,
      idempotencyKey: randomUUID(),
      payloadHash: randomUUID(),
      errorType: "runtime",
      errorMessage: title,
      triggerInterval: "5m",
      codeVersionId: trader.activeVersionId,
      context: {
        symbol: "BTCUSDT",
        interval: "5m",
        params: { lookback: 20 },
        candles: [candle(0, 64_210), candle(1, 64_388), candle(2, 64_102)],
      },
      errorHash: randomUUID().slice(0, 12),
      occurredAt: seenAt,
    },
  });
  return { userId: user.id, traderId: trader.id, groupId: group.id, title };
}

// What a tracing integration would receive from each model call (AI_TELEMETRY=true).
const traced: { functionId?: string; runtimeContext?: unknown }[] = [];
beforeAll(() => {
  registerTelemetry({
    onStart: (event) => {
      const runtimeContext = "runtimeContext" in event ? event.runtimeContext : undefined;
      traced.push({ functionId: event.functionId, runtimeContext });
    },
  });
});

const drain = () => runDueJobs({ limit: 10, workerId: createWorkerId("test") });

const requestManual = (userId: string, groupId: string) =>
  requestRegeneration({ userId, groupId, trigger: "manual", triggeredById: userId });

afterAll(async () => {
  fake.close();
  await getPool().end();
  await database.drop();
});

// Every test starts with an empty queue, so a batch holds exactly the test's own jobs.
beforeEach(async () => {
  fake.reset();
  await db.job.deleteMany({ where: { status: { in: ["pending", "failed"] } } });
});

describe("the regeneration job", () => {
  it("queues the run with the attempt; the runner proposes a fix and tells the owner", async () => {
    const { userId, traderId, groupId, title } = await seedFailingGroup();
    const { attempt, created } = await requestManual(userId, groupId);
    expect(created).toBe(true);
    expect(
      await db.job.findUniqueOrThrow({ where: { dedupeKey: `regeneration:${attempt.id}` } }),
    ).toMatchObject({ kind: "regeneration.run", payload: { attemptId: attempt.id } });

    fake.enqueue(
      cannedOutput({ code: GOOD_CODE, explanation: EXPLANATION, changes: ["Guard history."] }),
    );
    traced.length = 0;
    await expect(drain()).resolves.toMatchObject({ claimed: 1, done: 1 });
    expect(traced).toEqual([
      { functionId: "faultline.regenerate", runtimeContext: { attemptId: attempt.id, userId } },
    ]);

    // The ledger: what the attempt cost and what it produced.
    const stored = await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(stored).toMatchObject({
      status: "proposed",
      trigger: "manual",
      triggeredById: userId,
      model: "gpt-4.1-mini",
      tokensIn: 1_200,
      tokensOut: 300,
      rounds: 1,
      proposedCode: GOOD_CODE,
      explanation: EXPLANATION,
      changes: ["Guard history."],
      error: null,
    });
    expect(stored.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(stored.estimatedCostUsd)).toBeGreaterThan(0);
    expect(stored.latencyMs).toBeGreaterThanOrEqual(0);
    expect((stored.verification as AttemptVerification).passed).toBe(true);

    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "fix_proposed",
    });
    expect(await db.groupActivity.findMany({ where: { groupId } })).toEqual([
      expect.objectContaining({
        kind: "fix_proposed",
        actorKind: "system",
        fromStatus: "unresolved",
        toStatus: "fix_proposed",
        note: `AI proposed a fix (attempt ${attempt.id})`,
      }),
    ]);
    const notification = await db.notification.findFirstOrThrow({
      where: { userId, kind: "fix_ready" },
    });
    expect(notification).toMatchObject({
      groupId,
      traderId,
      title: `Fix ready: ${title}`,
      body: EXPLANATION,
      data: { attemptId: attempt.id },
    });
    expect(
      await db.job.findUniqueOrThrow({
        where: { dedupeKey: `notification.deliver:${notification.id}` },
      }),
    ).toMatchObject({ kind: "notification.deliver", status: "pending" });

    // The next batch delivers the email (stored: no provider configured); a fix_ready
    // notification queues no automatic attempt.
    await expect(drain()).resolves.toMatchObject({ claimed: 1, done: 1 });
    expect(await db.emailMessage.findMany({ where: { notificationId: notification.id } })).toEqual([
      expect.objectContaining({ kind: "fix_ready", status: "stored" }),
    ]);
    expect(await db.job.count({ where: { kind: "regeneration.auto" } })).toBe(0);
  });

  it("leaves the group as it was when the attempt fails", async () => {
    const { userId, groupId } = await seedFailingGroup("regressed");
    const { attempt } = await requestManual(userId, groupId);
    // A 400 is not retried: the attempt fails on its first call.
    fake.enqueue(cannedError(400, "Invalid schema for response_format."));

    await expect(drain()).resolves.toMatchObject({ claimed: 1, done: 1 });

    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attempt.id } }),
    ).toMatchObject({
      status: "failed",
      error: expect.stringContaining("The AI provider answered 400"),
      rounds: 1,
    });
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "regressed",
    });
    expect(await db.groupActivity.count({ where: { groupId } })).toBe(0);
    expect(await db.notification.count({ where: { userId } })).toBe(0);
  });

  it("keeps the status of a group the user moved on from, but still records the proposal", async () => {
    const { userId, groupId } = await seedFailingGroup();
    const { attempt } = await requestManual(userId, groupId);
    await db.errorGroup.update({ where: { id: groupId }, data: { status: "ignored" } });
    fake.enqueue(cannedOutput({ code: GOOD_CODE, explanation: EXPLANATION, changes: [] }));

    await drain();

    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attempt.id } }),
    ).toMatchObject({
      status: "proposed",
    });
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "ignored",
    });
    expect(await db.groupActivity.findMany({ where: { groupId } })).toEqual([
      expect.objectContaining({ kind: "fix_proposed", fromStatus: null, toStatus: null }),
    ]);
    // Muted: no notification.
    expect(await db.notification.count({ where: { userId } })).toBe(0);
  });
});

describe("auto-deploy", () => {
  it("deploys an automatic proposal when the owner turned it on, and only that", async () => {
    const { userId, traderId, groupId } = await seedFailingGroup();
    await db.aiSettings.create({
      data: { userId, regenerationPolicy: "all", autoDeploy: true, groupCooldownMinutes: 0 },
    });
    const auto = await maybeAutoRegenerate({ groupId });
    if (auto.result !== "requested") throw new Error(`not requested: ${auto.reason}`);
    fake.enqueue(cannedOutput({ code: GOOD_CODE, explanation: EXPLANATION, changes: [] }));

    await drain();

    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: auto.attemptId } }),
    ).toMatchObject({ status: "deployed" });
    const trader = await db.trader.findUniqueOrThrow({
      where: { id: traderId },
      select: { activeVersion: { select: { version: true, code: true, source: true } } },
    });
    expect(trader.activeVersion).toEqual({ version: 2, code: GOOD_CODE, source: "ai" });
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "fix_deployed",
    });
    expect(await db.deployment.findFirst({ where: { attemptId: auto.attemptId } })).toMatchObject({
      kind: "deploy",
      groupId,
      actorUserId: userId,
    });

    // A fix the user asked for waits for their review.
    const { groupId: manualGroupId } = await seedFailingGroup();
    const manual = await db.errorGroup.findUniqueOrThrow({ where: { id: manualGroupId } });
    await db.aiSettings.create({ data: { userId: manual.userId, autoDeploy: true } });
    const { attempt } = await requestManual(manual.userId, manualGroupId);
    fake.enqueue(cannedOutput({ code: GOOD_CODE, explanation: EXPLANATION, changes: [] }));
    await drain();
    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attempt.id } }),
    ).toMatchObject({ status: "proposed" });
  });
});

describe("stuck attempts", () => {
  async function queueRunningAttempt(ageMinutes: number) {
    const { userId, groupId } = await seedFailingGroup();
    const { attempt } = await requestManual(userId, groupId);
    // As if an earlier run of the job claimed it and its worker died.
    await db.regenerationAttempt.update({
      where: { id: attempt.id },
      data: { status: "running", createdAt: new Date(Date.now() - ageMinutes * 60_000) },
    });
    return { attemptId: attempt.id, userId, groupId };
  }

  it("fails an attempt running past the limit when its job comes back", async () => {
    const { attemptId, groupId } = await queueRunningAttempt(25);

    await expect(drain()).resolves.toMatchObject({ claimed: 1, done: 1 });

    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attemptId } }),
    ).toMatchObject({
      status: "failed",
      error: STUCK_ATTEMPT_ERROR,
    });
    expect(fake.requests).toHaveLength(0);
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "unresolved",
    });
  });

  it("retries the job later while the attempt may still be running elsewhere", async () => {
    const { attemptId } = await queueRunningAttempt(3);

    await expect(drain()).resolves.toMatchObject({ claimed: 1, retried: 1 });

    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attemptId } }),
    ).toMatchObject({
      status: "running",
    });
    const job = await db.job.findUniqueOrThrow({
      where: { dedupeKey: `regeneration:${attemptId}` },
    });
    expect(job.status).toBe("failed");
    expect(job.lastError).toContain("still running in another worker");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("lets a new request replace an attempt stuck running", async () => {
    const { attemptId, userId, groupId } = await queueRunningAttempt(30);
    await db.aiSettings.create({ data: { userId, groupCooldownMinutes: 0 } });

    const { attempt, created } = await requestManual(userId, groupId);

    expect(created).toBe(true);
    expect(attempt.id).not.toBe(attemptId);
    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attemptId } }),
    ).toMatchObject({
      status: "failed",
      error: STUCK_ATTEMPT_ERROR,
    });
  });
});
