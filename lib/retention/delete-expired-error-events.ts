import type { Db } from "@/lib/db";
import { isEventReferencedSql, isLatestGroupEventSql } from "@/lib/retention/retained-event-sql";

// received_at, not occurred_at: the server's clock, so an executor with a wrong clock
// (or a replayed spool) neither loses fresh rows nor keeps stale ones forever.
// SKIP LOCKED lets two overlapping runs share the work instead of queueing.
export async function deleteExpiredErrorEvents(
  db: Db,
  { receivedBefore, now, limit }: { receivedBefore: Date; now: Date; limit: number },
): Promise<number> {
  return db.$executeRaw`
    DELETE FROM trader_execution_errors
    WHERE id IN (
      SELECT e.id FROM trader_execution_errors e
      WHERE e.received_at < ${receivedBefore.toISOString()}::timestamptz
        AND NOT ${isLatestGroupEventSql()}
        AND NOT ${isEventReferencedSql(now)}
      LIMIT ${limit}
      FOR UPDATE OF e SKIP LOCKED)`;
}

export type KeptEventCounts = { referenced: number; latest: number };

// Old rows that retention keeps on purpose, for the run's report: referenced by an
// attempt or a deployment, or (only) their group's latest event.
export async function countKeptErrorEvents(
  db: Db,
  { receivedBefore, now }: { receivedBefore: Date; now: Date },
): Promise<KeptEventCounts> {
  const [row] = await db.$queryRaw<KeptEventCounts[]>`
    SELECT
      count(*) FILTER (WHERE referenced)::int AS referenced,
      count(*) FILTER (WHERE latest AND NOT referenced)::int AS latest
    FROM (
      SELECT ${isEventReferencedSql(now)} AS referenced, ${isLatestGroupEventSql()} AS latest
      FROM trader_execution_errors e
      WHERE e.received_at < ${receivedBefore.toISOString()}::timestamptz
    ) AS old`;
  return row ?? { referenced: 0, latest: 0 };
}
