import { getDb } from "@/lib/db";
import {
  assertExecutorScope,
  assertTraderInScope,
  type ExecutorScope,
  traderNotFound,
} from "@/lib/workflows/executor-scope";
import { type ScheduleRecord, scheduleSelect } from "@/lib/workflows/schedule-record";
import type { ListSchedulesQuery } from "@/lib/workflows/workflow-schemas";

const activeFilter = { true: true, false: false, all: undefined } as const;

/**
 * What an executor reloads on restart: its schedules with last_candle_time, so it
 * resumes after the last processed candle. A scoped key lists only its trader; a
 * trader_id of another user (or outside the key's scope) is not_found.
 */
export async function listExecutorSchedules({
  scope,
  query,
}: {
  scope: ExecutorScope;
  query: ListSchedulesQuery;
}): Promise<ScheduleRecord[]> {
  assertExecutorScope(scope);
  const db = getDb();
  if (query.trader_id) {
    assertTraderInScope(scope, query.trader_id);
    const trader = await db.trader.findFirst({
      where: { id: query.trader_id, userId: scope.userId },
      select: { id: true },
    });
    if (!trader) throw traderNotFound();
  }
  const traderId = query.trader_id ?? scope.keyTraderId ?? undefined;
  return db.workflowSchedule.findMany({
    where: {
      userId: scope.userId,
      ...(traderId ? { traderId } : {}),
      isActive: activeFilter[query.active],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: scheduleSelect,
  });
}
