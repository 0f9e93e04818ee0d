import { getDb } from "@/lib/db";
import { assertAdminUser } from "@/lib/system-errors/assert-admin-user";
import { countSystemErrors, type SystemErrorCounts } from "@/lib/system-errors/count-system-errors";

export const STATS_DAYS = 14;
const DAY_MS = 86_400_000;

export type ErrorsPerDay = { day: string; counts: Record<string, number> };

export type SystemErrorStats = SystemErrorCounts & {
  /** One entry per UTC day, oldest first, today last; days without errors included. */
  byTypePerDay: ErrorsPerDay[];
};

type DayTypeCount = { day: string; errorType: string; count: number };

function utcDays(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: STATS_DAYS }, (_, index) =>
    new Date(today - (STATS_DAYS - 1 - index) * DAY_MS).toISOString().slice(0, 10),
  );
}

// Admin only: the headline counts plus errors per type per day for the console's chart.
export async function getSystemErrorStats({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): Promise<SystemErrorStats> {
  await assertAdminUser(userId);
  const days = utcDays(now);
  const from = new Date(`${days[0]}T00:00:00.000Z`);
  const [counts, rows] = await Promise.all([
    countSystemErrors(),
    getDb().$queryRaw<DayTypeCount[]>`
      SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "day",
        error_type AS "errorType", count(*)::int AS "count"
      FROM system_errors
      WHERE created_at >= ${from}
      GROUP BY 1, 2`,
  ]);
  const byDay = new Map<string, Record<string, number>>(days.map((day) => [day, {}]));
  for (const row of rows) {
    const dayCounts = byDay.get(row.day);
    if (dayCounts) dayCounts[row.errorType] = row.count;
  }
  return { ...counts, byTypePerDay: days.map((day) => ({ day, counts: byDay.get(day) ?? {} })) };
}
