import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";
import { type IngestedEvent, ingestErrorEvents } from "@/lib/ingest/ingest-error-events";
import type { NotificationRecord } from "@/lib/notifications/notification-view";
import { deriveRunEventId } from "@/lib/workflows/derive-run-event-id";
import type { ExecutorScope } from "@/lib/workflows/executor-scope";
import {
  type ExecutorSchedule,
  getExecutorScheduleOrThrow,
} from "@/lib/workflows/get-executor-schedule-or-throw";
import { type RunRecord, recordScheduleRun } from "@/lib/workflows/record-schedule-run";
import { type ScheduleRecord, scheduleSelect } from "@/lib/workflows/schedule-record";
import type { ReportRunBody } from "@/lib/workflows/workflow-schemas";

export type ReportedRun =
  | {
      status: "processed";
      run: RunRecord;
      schedule: ScheduleRecord;
      error: IngestedEvent | null;
      isDisabled: boolean;
      notification: NotificationRecord | null;
    }
  | { status: "already_processed"; run: RunRecord; schedule: ScheduleRecord }
  | { status: "inactive"; schedule: ScheduleRecord };

export type ReportScheduleRunOptions = {
  scope: ExecutorScope & { keyId: string | null };
  scheduleId: string;
  input: ReportRunBody;
  // Consecutive errors that disable the schedule; WORKFLOW_ERROR_LIMIT unless a caller pins it.
  errorLimit?: number;
};

const runSelect = {
  id: true,
  candleTime: true,
  outcome: true,
  codeVersionId: true,
  errorEventId: true,
} as const;

function findRun(scheduleId: string, candleTime: Date): Promise<RunRecord | null> {
  return getDb().workflowRun.findUnique({
    where: { scheduleId_candleTime: { scheduleId, candleTime } },
    select: runSelect,
  });
}

async function alreadyProcessed(scheduleId: string, run: RunRecord): Promise<ReportedRun> {
  const schedule = await getDb().workflowSchedule.findUniqueOrThrow({
    where: { id: scheduleId },
    select: scheduleSelect,
  });
  return { status: "already_processed", run, schedule };
}

function toScheduleEvent(
  schedule: ExecutorSchedule,
  candleTime: Date,
  error: ErrorEventInput,
): ErrorEventInput {
  if (error.trader_id && error.trader_id !== schedule.traderId) {
    throw new AppError(
      "validation_failed",
      "The error belongs to another trader than the schedule.",
      [{ path: "error.trader_id", message: "Must be the schedule's trader_id" }],
    );
  }
  return {
    ...error,
    event_id: error.event_id ?? deriveRunEventId(schedule.id, candleTime),
    trader_id: schedule.traderId,
  };
}

async function ingestRunError(
  scope: ReportScheduleRunOptions["scope"],
  event: ErrorEventInput,
): Promise<IngestedEvent> {
  const principal = { userId: scope.userId, traderId: scope.keyTraderId, keyId: scope.keyId };
  const [ingested] = await ingestErrorEvents({ principal, events: [event] });
  if (!ingested) throw new Error("Ingestion answered no result for the run's error.");
  return ingested;
}

/**
 * An executor reports that it ran a schedule for one candle. The error (if any) goes
 * through normal ingestion first — idempotent by its event_id — then one transaction
 * records the run, moves the counters and may disable the schedule. A candle already
 * recorded is answered as already processed and changes nothing; a stopped schedule
 * is answered inactive so the executor stops running it.
 */
export async function reportScheduleRun(options: ReportScheduleRunOptions): Promise<ReportedRun> {
  const { scope, scheduleId, input } = options;
  const schedule = await getExecutorScheduleOrThrow({ scope, scheduleId });
  const candleTime = new Date(input.candle_time);
  // A fast answer for retries; correctness does not depend on it (the run's unique key does).
  const existing = await findRun(schedule.id, candleTime);
  if (existing) return alreadyProcessed(schedule.id, existing);
  if (!schedule.isActive) return { status: "inactive", schedule };

  let error: IngestedEvent | null = null;
  if (input.outcome === "error" && input.error) {
    const event = toScheduleEvent(schedule, candleTime, input.error);
    try {
      error = await ingestRunError(scope, event);
    } catch (ingestError) {
      // A concurrent report of this candle with another error body won: same answer as a retry.
      const raced = await findRun(schedule.id, candleTime);
      if (raced && ingestError instanceof AppError && ingestError.code === "idempotency_mismatch") {
        return alreadyProcessed(schedule.id, raced);
      }
      throw ingestError;
    }
  }

  const recorded = await recordScheduleRun({
    schedule,
    candleTime,
    outcome: input.outcome,
    codeVersionId: input.code_version_id ?? null,
    errorEventId: error?.id ?? null,
    errorMessage: input.error?.error_message ?? null,
    errorLimit: options.errorLimit ?? env.WORKFLOW_ERROR_LIMIT,
  });
  if (recorded.status === "processed") return { ...recorded, error };
  if (recorded.status === "already_processed") {
    const run = await findRun(schedule.id, candleTime);
    if (!run) throw new Error("The run that claimed this candle disappeared.");
    return alreadyProcessed(schedule.id, run);
  }
  const current = await getDb().workflowSchedule.findUniqueOrThrow({
    where: { id: schedule.id },
    select: scheduleSelect,
  });
  return { status: "inactive", schedule: current };
}
