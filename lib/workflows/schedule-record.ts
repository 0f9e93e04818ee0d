import { Prisma } from "@/lib/generated/prisma/client";
import type { ScheduleJson } from "@/lib/workflows/workflow-schemas";

// Everything the API and the trader page show about a schedule (not its owner).
export const scheduleSelect = {
  id: true,
  workflowType: true,
  entityId: true,
  traderId: true,
  symbol: true,
  interval: true,
  isActive: true,
  lastCandleTime: true,
  lastRunAt: true,
  executionCount: true,
  consecutiveErrors: true,
  lastError: true,
  lastErrorAt: true,
  startedAt: true,
  stoppedAt: true,
  stopReason: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.WorkflowScheduleSelect;

export type ScheduleRecord = Prisma.WorkflowScheduleGetPayload<{ select: typeof scheduleSelect }>;

// The same columns for hand-written statements (RETURNING), aliased to ScheduleRecord's keys.
export const scheduleReturning = Prisma.raw(`
  id, workflow_type AS "workflowType", entity_id AS "entityId", trader_id AS "traderId",
  symbol, interval, is_active AS "isActive", last_candle_time AS "lastCandleTime",
  last_run_at AS "lastRunAt", execution_count AS "executionCount",
  consecutive_errors AS "consecutiveErrors", last_error AS "lastError",
  last_error_at AS "lastErrorAt", started_at AS "startedAt", stopped_at AS "stoppedAt",
  stop_reason AS "stopReason", created_at AS "createdAt", updated_at AS "updatedAt"`);

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toScheduleJson(schedule: ScheduleRecord): ScheduleJson {
  return {
    id: schedule.id,
    workflow_type: schedule.workflowType,
    entity_id: schedule.entityId,
    trader_id: schedule.traderId,
    symbol: schedule.symbol,
    interval: schedule.interval,
    is_active: schedule.isActive,
    last_candle_time: iso(schedule.lastCandleTime),
    last_run_at: iso(schedule.lastRunAt),
    execution_count: schedule.executionCount,
    consecutive_errors: schedule.consecutiveErrors,
    last_error: schedule.lastError,
    last_error_at: iso(schedule.lastErrorAt),
    started_at: schedule.startedAt.toISOString(),
    stopped_at: iso(schedule.stoppedAt),
    stop_reason: schedule.stopReason,
    created_at: schedule.createdAt.toISOString(),
    updated_at: schedule.updatedAt.toISOString(),
  };
}
