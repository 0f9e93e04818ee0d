import { getDb } from "@/lib/db";

const HOUR_MS = 60 * 60 * 1000;

// Per hour over the last two days, per (UTC) day over the last month.
export const occurrenceRanges = {
  "48h": { bucketMs: HOUR_MS, bucketCount: 48, bucketInterval: "1 hour" },
  "30d": { bucketMs: 24 * HOUR_MS, bucketCount: 30, bucketInterval: "1 day" },
} as const;

export type OccurrenceRange = keyof typeof occurrenceRanges;

export type OccurrenceBucket = { start: Date; count: number };

// Every bucket of the range, empty ones included, oldest first; the last bucket is
// the one `now` falls in. Buckets are aligned to the UTC epoch, so hours and days
// start on the hour and at UTC midnight.
export async function countGroupOccurrences({
  groupId,
  userId,
  range,
  now = new Date(),
}: {
  groupId: string;
  userId: string;
  range: OccurrenceRange;
  now?: Date;
}): Promise<OccurrenceBucket[]> {
  const { bucketMs, bucketCount, bucketInterval } = occurrenceRanges[range];
  const currentStart = Math.floor(now.getTime() / bucketMs) * bucketMs;
  const from = new Date(currentStart - (bucketCount - 1) * bucketMs);
  const until = new Date(currentStart + bucketMs);
  // Served by the (group_id, occurred_at desc, id desc) index.
  const rows = await getDb().$queryRaw<{ bucket: Date; count: number }[]>`
    SELECT date_bin(${bucketInterval}::interval, occurred_at, ${from}::timestamptz) AS bucket,
           count(*)::int AS count
    FROM trader_execution_errors
    WHERE group_id = ${groupId}::uuid
      AND user_id = ${userId}::uuid
      AND occurred_at >= ${from}::timestamptz
      AND occurred_at < ${until}::timestamptz
    GROUP BY 1`;
  const counts = new Map(rows.map((row) => [row.bucket.getTime(), row.count]));
  return Array.from({ length: bucketCount }, (_, index) => {
    const start = new Date(from.getTime() + index * bucketMs);
    return { start, count: counts.get(start.getTime()) ?? 0 };
  });
}
