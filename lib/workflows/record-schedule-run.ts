import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RunOutcome } from "@/lib/generated/prisma/enums";
import { createNotification } from "@/lib/notifications/create-notification";
import type { NotificationRecord } from "@/lib/notifications/notification-view";
import type { ExecutorSchedule } from "@/lib/workflows/get-executor-schedule-or-throw";
import { type ScheduleRecord, scheduleReturning } from "@/lib/workflows/schedule-record";
import { STOP_REASON_ERROR_LIMIT } from "@/lib/workflows/stop-reasons";

export type RunRecord = {
  id: string;
  candleTime: Date;
  outcome: RunOutcome;
  codeVersionId: string | null;
  errorEventId: string | null;
};

export type RecordedRun =
  | {
      status: "processed";
      run: RunRecord;
      schedule: ScheduleRecord;
      isDisabled: boolean;
      notification: NotificationRecord | null;
    }
  | { status: "already_processed" }
  | { status: "inactive" };

export type RunToRecord = {
  schedule: Pick<
    ExecutorSchedule,
    "id" | "userId" | "traderId" | "traderName" | "symbol" | "interval" | "workflowType"
  >;
  candleTime: Date;
  outcome: RunOutcome;
  codeVersionId: string | null;
  errorEventId: string | null;
  errorMessage: string | null;
  errorLimit: number;
};

const MAX_LAST_ERROR_CHARS = 1_000;
const MAX_REASON_ERROR_CHARS = 300;

// Thrown inside the transaction to roll back the run row of a schedule that is stopped.
class ScheduleInactive extends Error {}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

function disabledNotification(run: RunToRecord, schedule: ScheduleRecord) {
  const { traderName, symbol, interval } = run.schedule;
  const lastError = schedule.lastError ? clip(schedule.lastError, MAX_REASON_ERROR_CHARS) : null;
  return {
    userId: run.schedule.userId,
    kind: "workflow_disabled" as const,
    title: `${traderName} stopped on ${symbol} ${interval}`,
    body:
      `It failed on ${run.errorLimit} consecutive scheduled runs and was disabled` +
      `${lastError ? `. Last error: ${lastError}` : ""}. Re-enable it on the trader page once fixed.`,
    traderId: run.schedule.traderId,
    data: {
      scheduleId: schedule.id,
      workflowType: schedule.workflowType,
      entityId: schedule.entityId,
      symbol,
      interval,
      stopReason: STOP_REASON_ERROR_LIMIT,
    },
  };
}

// The counters move in the same statement that claims the row lock, from the values
// the row has at that moment (never from a value read earlier). `WHERE is_active` makes
// a stopped schedule update nothing, which rolls the whole report back. Times go in as
// ISO strings with an offset, so the session's time zone cannot shift them.
function updateScheduleSql(tx: Prisma.TransactionClient, run: RunToRecord) {
  const isError = run.outcome === "error";
  const lastError = run.errorMessage ? clip(run.errorMessage, MAX_LAST_ERROR_CHARS) : null;
  const reachesLimit = Prisma.sql`(${isError}::boolean AND consecutive_errors + 1 >= ${run.errorLimit}::int)`;
  return tx.$queryRaw<ScheduleRecord[]>`
    UPDATE workflow_schedules SET
      execution_count = execution_count + 1,
      last_run_at = now(),
      last_candle_time = GREATEST(last_candle_time, ${run.candleTime.toISOString()}::timestamptz),
      consecutive_errors = CASE WHEN ${isError}::boolean THEN consecutive_errors + 1 ELSE 0 END,
      last_error = CASE WHEN ${isError}::boolean THEN ${lastError}::text ELSE last_error END,
      last_error_at = CASE WHEN ${isError}::boolean THEN now() ELSE last_error_at END,
      is_active = NOT ${reachesLimit},
      stopped_at = CASE WHEN ${reachesLimit} THEN now() ELSE stopped_at END,
      stop_reason = CASE WHEN ${reachesLimit} THEN ${STOP_REASON_ERROR_LIMIT}::text ELSE stop_reason END,
      updated_at = now()
    WHERE id = ${run.schedule.id}::uuid AND is_active
    RETURNING ${scheduleReturning}`;
}

/**
 * One transaction per report: the run row is the de-duplication (its unique
 * (schedule, candle) key with ON CONFLICT DO NOTHING, not a read-then-write), then the
 * schedule's counters, then — when this error reached the limit — exactly one
 * workflow_disabled notification with its delivery job. Publish after commit.
 */
export async function recordScheduleRun(run: RunToRecord): Promise<RecordedRun> {
  try {
    return await getDb().$transaction(async (tx): Promise<RecordedRun> => {
      const [inserted] = await tx.$queryRaw<RunRecord[]>`
        INSERT INTO workflow_runs (schedule_id, candle_time, outcome, code_version_id, error_event_id)
        VALUES (${run.schedule.id}::uuid, ${run.candleTime.toISOString()}::timestamptz,
                ${run.outcome}::run_outcome,
                (SELECT v.id FROM trader_code_versions v
                 WHERE v.id = ${run.codeVersionId}::uuid AND v.trader_id = ${run.schedule.traderId}::uuid),
                ${run.errorEventId}::uuid)
        ON CONFLICT (schedule_id, candle_time) DO NOTHING
        RETURNING id, candle_time AS "candleTime", outcome, code_version_id AS "codeVersionId",
                  error_event_id AS "errorEventId"`;
      if (!inserted) return { status: "already_processed" };
      const [schedule] = await updateScheduleSql(tx, run);
      if (!schedule) throw new ScheduleInactive();
      // The update was guarded by is_active, so inactive now means this run disabled it.
      const isDisabled = !schedule.isActive;
      const notification = isDisabled
        ? await createNotification(tx, disabledNotification(run, schedule))
        : null;
      return { status: "processed", run: inserted, schedule, isDisabled, notification };
    });
  } catch (error) {
    if (error instanceof ScheduleInactive) return { status: "inactive" };
    throw error;
  }
}
