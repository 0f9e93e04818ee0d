import { getDb } from "@/lib/db";
import { getTraderOrThrow } from "@/lib/traders/get-trader-or-throw";
import { type ScheduleRecord, scheduleSelect } from "@/lib/workflows/schedule-record";

const MAX_SCHEDULES = 200;

/**
 * One trader's schedules with their health, for the trader page: stopped ones first
 * (they need the owner), then by symbol and interval. Another user's trader is not_found.
 */
export async function listTraderSchedules({
  userId,
  traderId,
}: {
  userId: string;
  traderId: string;
}): Promise<ScheduleRecord[]> {
  const trader = await getTraderOrThrow({ id: traderId, userId });
  return getDb().workflowSchedule.findMany({
    where: { traderId: trader.id, userId },
    orderBy: [{ isActive: "asc" }, { symbol: "asc" }, { interval: "asc" }, { id: "asc" }],
    take: MAX_SCHEDULES,
    select: scheduleSelect,
  });
}
