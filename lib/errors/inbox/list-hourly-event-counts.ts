import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export const ACTIVITY_HOURS = 24;
const HOUR_MS = 60 * 60 * 1000;

// The first hour shown: clock-hour aligned, so the last bucket is the current hour.
export function activityWindowStart(now: Date): Date {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return new Date(currentHour - (ACTIVITY_HOURS - 1) * HOUR_MS);
}

// Hourly event counts over the last 24 clock hours (oldest first) for each listed group:
// one query for a whole page. Groups without events in the window get all zeros.
export async function listHourlyEventCounts({
  userId,
  groupIds,
  now = new Date(),
}: {
  userId: string;
  groupIds: readonly string[];
  now?: Date;
}): Promise<Map<string, number[]>> {
  if (!userId) throw new AppError("unauthorized", "Sign in to read error activity.");
  const counts = new Map(groupIds.map((id) => [id, Array<number>(ACTIVITY_HOURS).fill(0)]));
  if (groupIds.length === 0) return counts;
  const start = activityWindowStart(now);
  const end = new Date(start.getTime() + ACTIVITY_HOURS * HOUR_MS);
  const rows = await getDb().$queryRaw<{ groupId: string; bucket: number; count: number }[]>`
    SELECT group_id::text AS "groupId",
           floor(extract(epoch FROM occurred_at - ${start}::timestamptz) / 3600)::int AS bucket,
           count(*)::int AS count
    FROM trader_execution_errors
    WHERE user_id = ${userId}::uuid
      AND group_id = ANY(${[...groupIds]}::uuid[])
      AND occurred_at >= ${start}::timestamptz
      AND occurred_at < ${end}::timestamptz
    GROUP BY 1, 2`;
  for (const row of rows) {
    const series = counts.get(row.groupId);
    if (series && row.bucket >= 0 && row.bucket < ACTIVITY_HOURS) series[row.bucket] = row.count;
  }
  return counts;
}
