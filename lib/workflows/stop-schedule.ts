import { getDb } from "@/lib/db";
import type { ExecutorScope } from "@/lib/workflows/executor-scope";
import { getExecutorScheduleOrThrow } from "@/lib/workflows/get-executor-schedule-or-throw";
import { type ScheduleRecord, scheduleSelect } from "@/lib/workflows/schedule-record";

/**
 * The executor stops a schedule (its entity went away, the position closed…).
 * Idempotent: only an active schedule is updated, so a schedule that was already
 * stopped keeps its first reason and stop time.
 */
export async function stopSchedule({
  scope,
  scheduleId,
  reason,
}: {
  scope: ExecutorScope;
  scheduleId: string;
  reason: string;
}): Promise<ScheduleRecord> {
  const schedule = await getExecutorScheduleOrThrow({ scope, scheduleId });
  const db = getDb();
  await db.workflowSchedule.updateMany({
    where: { id: schedule.id, userId: scope.userId, isActive: true },
    data: { isActive: false, stoppedAt: new Date(), stopReason: reason },
  });
  return db.workflowSchedule.findUniqueOrThrow({
    where: { id: schedule.id },
    select: scheduleSelect,
  });
}
