import { getDb } from "@/lib/db";
import {
  assertExecutorScope,
  assertTraderInScope,
  type ExecutorScope,
  traderNotFound,
} from "@/lib/workflows/executor-scope";
import {
  type ScheduleRecord,
  scheduleReturning,
  scheduleSelect,
} from "@/lib/workflows/schedule-record";
import type { CreateScheduleBody } from "@/lib/workflows/workflow-schemas";

export type CreatedSchedule = { schedule: ScheduleRecord; isCreated: boolean };

/**
 * Idempotent per trader + workflow type + entity: one INSERT … ON CONFLICT DO NOTHING,
 * so concurrent creates cannot both insert. An existing schedule is returned as it
 * is, stopped or not: only its owner re-enables a stopped one.
 */
export async function createSchedule({
  scope,
  input,
}: {
  scope: ExecutorScope;
  input: CreateScheduleBody;
}): Promise<CreatedSchedule> {
  assertExecutorScope(scope);
  assertTraderInScope(scope, input.trader_id);
  const db = getDb();
  // The trader's owner is part of the insert itself: another user's trader inserts nothing.
  const inserted = await db.$queryRaw<ScheduleRecord[]>`
    INSERT INTO workflow_schedules (workflow_type, entity_id, trader_id, user_id, interval, symbol)
    SELECT ${input.workflow_type}::workflow_type, ${input.entity_id}, t.id, t.user_id,
           ${input.interval}, ${input.symbol}
      FROM traders t
     WHERE t.id = ${input.trader_id}::uuid AND t.user_id = ${scope.userId}::uuid
    ON CONFLICT (trader_id, workflow_type, entity_id) DO NOTHING
    RETURNING ${scheduleReturning}`;
  const created = inserted[0];
  if (created) return { schedule: created, isCreated: true };
  const existing = await db.workflowSchedule.findFirst({
    where: {
      userId: scope.userId,
      traderId: input.trader_id,
      workflowType: input.workflow_type,
      entityId: input.entity_id,
    },
    select: scheduleSelect,
  });
  if (!existing) throw traderNotFound();
  return { schedule: existing, isCreated: false };
}
