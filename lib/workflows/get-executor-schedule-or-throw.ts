import { getDb } from "@/lib/db";
import {
  assertExecutorScope,
  type ExecutorScope,
  isUuid,
  scheduleNotFound,
} from "@/lib/workflows/executor-scope";
import { type ScheduleRecord, scheduleSelect } from "@/lib/workflows/schedule-record";

export type ExecutorSchedule = ScheduleRecord & { userId: string; traderName: string };

/**
 * Tenant-scoped twice: the key's user owns the schedule, and a key scoped to one
 * trader reaches only that trader's schedules. Every miss (another user's schedule,
 * another trader's, a malformed id) is the same not_found.
 */
export async function getExecutorScheduleOrThrow({
  scope,
  scheduleId,
}: {
  scope: ExecutorScope;
  scheduleId: string;
}): Promise<ExecutorSchedule> {
  assertExecutorScope(scope);
  if (!isUuid(scheduleId)) throw scheduleNotFound();
  const schedule = await getDb().workflowSchedule.findFirst({
    where: {
      id: scheduleId,
      userId: scope.userId,
      ...(scope.keyTraderId ? { traderId: scope.keyTraderId } : {}),
    },
    select: { ...scheduleSelect, userId: true, trader: { select: { name: true } } },
  });
  if (!schedule) throw scheduleNotFound();
  const { trader, ...record } = schedule;
  return { ...record, traderName: trader.name };
}
