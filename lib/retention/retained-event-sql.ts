import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Why an old row of trader_execution_errors (aliased `e`) must survive retention.
 * Nothing stores an attempt's or a deployment's event id, so the references are
 * rebuilt from what the code that reads them does:
 *
 * - latest: the group's newest event (occurred_at, id): the group page, the fix base
 *   and a fix attempt all read it, and a group must never be left with no event.
 * - attempt failing input: an attempt reads its group's latest event when it runs,
 *   some time between created_at and completed_at (load-attempt-context.ts). So keep
 *   the group's latest event received by created_at and every event of the group
 *   received while the attempt was queued or running (to `now` while it still is).
 * - attempt verification: recent real inputs are recorded by id in
 *   verification.final.cases[].id as "event:<id>" (collect-verification-inputs.ts).
 * - deployment: the failure a group fix was deployed against (the group's latest event
 *   received by the deployment) and the events received during its watch window, the
 *   evidence a watch resolved, regressed or rolled back on (find-watch-recurrence.ts).
 *   A deployment's attempt is covered by the attempt rules above.
 */
function latestGroupEventAt(groupId: Prisma.Sql, at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT l.id FROM trader_execution_errors l
    WHERE l.group_id = ${groupId} AND l.received_at <= ${at}
    ORDER BY l.occurred_at DESC, l.id DESC
    LIMIT 1)`;
}

export function isLatestGroupEventSql(): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM trader_execution_errors later
    WHERE later.group_id = e.group_id
      AND (later.occurred_at, later.id) > (e.occurred_at, e.id))`;
}

export function isEventReferencedSql(now: Date): Prisma.Sql {
  const at = Prisma.sql`${now.toISOString()}::timestamptz`;
  return Prisma.sql`(
    EXISTS (
      SELECT 1 FROM regeneration_attempts a
      WHERE a.group_id = e.group_id
        AND (
          (e.received_at > a.created_at AND e.received_at <= COALESCE(a.completed_at, ${at}))
          OR (a.created_at >= e.received_at
              AND e.id = ${latestGroupEventAt(Prisma.sql`a.group_id`, Prisma.sql`a.created_at`)})
        ))
    OR EXISTS (
      SELECT 1 FROM regeneration_attempts a
      WHERE a.trader_id = e.trader_id
        AND a.verification -> 'final' -> 'cases'
            @> jsonb_build_array(jsonb_build_object('id', 'event:' || e.id::text)))
    OR EXISTS (
      SELECT 1 FROM deployments d
      WHERE d.trader_id = e.trader_id
        AND d.group_id = e.group_id
        AND (
          (e.received_at >= d.created_at AND e.received_at <= d.watch_until)
          OR (d.created_at >= e.received_at
              AND e.id = ${latestGroupEventAt(Prisma.sql`d.group_id`, Prisma.sql`d.created_at`)})
        ))
  )`;
}
