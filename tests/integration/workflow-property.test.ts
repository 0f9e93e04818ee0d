import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Its own database: thousands of schedules and the notification jobs of every
// disable must not be claimed by the job tests that share the run's database.
const { database } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const created = await createTestDatabase();
  process.env.DATABASE_URL = created.url;
  return { database: created };
});

import { getDb, getPool } from "@/lib/db";
import type { RunOutcome } from "@/lib/generated/prisma/enums";
import { createSchedule } from "@/lib/workflows/create-schedule";
import { type RecordedRun, recordScheduleRun } from "@/lib/workflows/record-schedule-run";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();

type Step = { candle: number; outcome: RunOutcome };
type Sequence = { errorLimit: number; steps: Step[] };

// The reference model, written from the rules rather than from the SQL: a candle is
// processed once; ok resets the streak, error extends it; reaching the limit stops
// the schedule (once); a stopped schedule processes nothing new.
type Model = {
  isActive: boolean;
  executionCount: number;
  consecutiveErrors: number;
  seen: Set<number>;
  lastCandle: number | null;
  disables: number;
};

function applyStep(model: Model, step: Step, errorLimit: number): RecordedRun["status"] {
  if (model.seen.has(step.candle)) return "already_processed";
  if (!model.isActive) return "inactive";
  model.seen.add(step.candle);
  model.executionCount += 1;
  model.lastCandle = Math.max(model.lastCandle ?? step.candle, step.candle);
  model.consecutiveErrors = step.outcome === "ok" ? 0 : model.consecutiveErrors + 1;
  if (model.consecutiveErrors >= errorLimit) {
    model.isActive = false;
    model.disables += 1;
  }
  return "processed";
}

const candleTime = (index: number) => new Date(Date.UTC(2026, 0, 1, 0, index));

const stepArbitrary = fc.record({
  // A small candle range, so repeats (retries, restarts) are common.
  candle: fc.integer({ min: 0, max: 11 }),
  outcome: fc.constantFrom<RunOutcome>("ok", "error", "error"),
});

const sequenceArbitrary = fc.record({
  errorLimit: fc.integer({ min: 1, max: 6 }),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 14 }),
});

let owner: { userId: string; traderId: string; traderName: string };

async function checkSequence({ errorLimit, steps }: Sequence): Promise<void> {
  const scope = { userId: owner.userId, keyTraderId: null };
  const { schedule } = await createSchedule({
    scope,
    input: {
      workflow_type: "signal_monitoring",
      entity_id: crypto.randomUUID(),
      trader_id: owner.traderId,
      symbol: "BTCUSDT",
      interval: "1m",
    },
  });
  const model: Model = {
    isActive: true,
    executionCount: 0,
    consecutiveErrors: 0,
    seen: new Set(),
    lastCandle: null,
    disables: 0,
  };
  for (const step of steps) {
    const expected = applyStep(model, step, errorLimit);
    const recorded = await recordScheduleRun({
      schedule: { ...schedule, userId: owner.userId, traderName: owner.traderName },
      candleTime: candleTime(step.candle),
      outcome: step.outcome,
      codeVersionId: null,
      errorEventId: null,
      errorMessage: step.outcome === "error" ? `failed on candle ${step.candle}` : null,
      errorLimit,
    });
    expect(recorded.status).toBe(expected);
    if (recorded.status === "processed") {
      expect(recorded.isDisabled).toBe(!model.isActive);
      expect(recorded.schedule.consecutiveErrors).toBe(model.consecutiveErrors);
      expect(recorded.notification !== null).toBe(recorded.isDisabled);
    }
  }
  const stored = await db.workflowSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
  expect({
    isActive: stored.isActive,
    executionCount: stored.executionCount,
    consecutiveErrors: stored.consecutiveErrors,
    stopReason: stored.stopReason,
    lastCandleTime: stored.lastCandleTime?.toISOString() ?? null,
  }).toEqual({
    isActive: model.isActive,
    executionCount: model.executionCount,
    consecutiveErrors: model.consecutiveErrors,
    stopReason: model.isActive ? null : "error_limit_exceeded",
    lastCandleTime: model.lastCandle === null ? null : candleTime(model.lastCandle).toISOString(),
  });
  expect(await db.workflowRun.count({ where: { scheduleId: schedule.id } })).toBe(model.seen.size);
  const notifications = await db.notification.count({
    where: {
      userId: owner.userId,
      kind: "workflow_disabled",
      data: { path: ["scheduleId"], equals: schedule.id },
    },
  });
  expect(notifications).toBe(model.disables);
}

beforeAll(async () => {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  owner = { userId: user.id, traderId: trader.id, traderName: trader.name };
});

afterAll(async () => {
  await getPool().end();
  await database.drop();
});

describe("consecutive errors and auto-disable (property)", () => {
  it("agrees with the reference model on thousands of random ok/error sequences", async () => {
    let sequences = 0;
    // Each run checks a batch of sequences side by side, one schedule each: the
    // database path is exercised for every step, in a fraction of the wall time.
    await fc.assert(
      fc.asyncProperty(
        fc.array(sequenceArbitrary, { minLength: 1, maxLength: 20 }),
        async (batch) => {
          sequences += batch.length;
          await Promise.all(batch.map(checkSequence));
        },
      ),
      { numRuns: 200 },
    );
    expect(sequences).toBeGreaterThan(1_000);
  }, 120_000);
});
