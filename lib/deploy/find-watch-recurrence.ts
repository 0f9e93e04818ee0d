import { Prisma } from "@/lib/generated/prisma/client";

export type WatchedDeployment = {
  id: string;
  createdAt: Date;
  watchUntil: Date | null;
  toVersion: { id: string; version: number };
  fromVersion: { id: string; version: number } | null;
};

export type WatchEvidence = {
  // The first event after the deploy that names the fixed version or a later one.
  recurrence: { receivedAt: Date; version: number } | null;
  // Events after the deploy that name no version: they cannot prove the fix failed
  // (the executor may still have run the old code) nor let it count as holding.
  hasUnattributedEvents: boolean;
};

// The fix deployment a group in fix_deployed is watched against: its latest one.
export async function findWatchedDeployment(
  tx: Prisma.TransactionClient,
  groupId: string,
): Promise<WatchedDeployment | null> {
  return tx.deployment.findFirst({
    where: { groupId, kind: "deploy" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      createdAt: true,
      watchUntil: true,
      toVersion: { select: { id: true, version: true } },
      fromVersion: { select: { id: true, version: true } },
    },
  });
}

// Events of an older version after the deploy are ignored: executors pick up new
// code on their next poll, so the old code may still report for a little while.
export async function findWatchEvidence(
  tx: Prisma.TransactionClient,
  { groupId, deployment }: { groupId: string; deployment: WatchedDeployment },
): Promise<WatchEvidence> {
  const since = deployment.createdAt;
  const [recurrence, unattributed] = await Promise.all([
    tx.errorEvent.findFirst({
      where: {
        groupId,
        receivedAt: { gte: since },
        codeVersion: { version: { gte: deployment.toVersion.version } },
      },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: { receivedAt: true, codeVersion: { select: { version: true } } },
    }),
    tx.errorEvent.findFirst({
      where: { groupId, receivedAt: { gte: since }, codeVersionId: null },
      select: { id: true },
    }),
  ]);
  return {
    recurrence: recurrence?.codeVersion
      ? { receivedAt: recurrence.receivedAt, version: recurrence.codeVersion.version }
      : null,
    hasUnattributedEvents: unattributed !== null,
  };
}

export type CleanExecutions = {
  // Clean runs counted, at most the number that ends the watch.
  count: number;
  // When the run that completed the count was recorded, or null while it is short.
  endedAt: Date | null;
};

/**
 * The first `limit` clean runs of a trader's schedules recorded after `since` (SQL,
 * shared with the sweep that finds ended watches). Only `ok` runs are clean: a run
 * that failed with another error may have stopped before the fixed code ran, and one
 * that failed with this error is a recurrence, judged by its event. A run that names
 * an older version than the fix ran the old code (executors poll for new code) and is
 * not counted; a run that names none is, so executors that do not report versions can
 * still end a watch by count.
 */
export function firstCleanRunsSql({
  traderId,
  since,
  fixedVersion,
  limit,
}: {
  traderId: Prisma.Sql;
  since: Prisma.Sql;
  fixedVersion: Prisma.Sql;
  limit: Prisma.Sql;
}): Prisma.Sql {
  return Prisma.sql`
    SELECT r.created_at FROM workflow_runs r
    JOIN workflow_schedules s ON s.id = r.schedule_id
    LEFT JOIN trader_code_versions v ON v.id = r.code_version_id
    WHERE s.trader_id = ${traderId} AND r.outcome = 'ok' AND r.created_at > ${since}
      AND (v.id IS NULL OR v.version >= ${fixedVersion})
    ORDER BY r.created_at, r.id
    LIMIT ${limit}`;
}

export async function findCleanExecutions(
  tx: Prisma.TransactionClient,
  {
    traderId,
    deployment,
    executions,
  }: { traderId: string; deployment: WatchedDeployment; executions: number },
): Promise<CleanExecutions> {
  const clean = firstCleanRunsSql({
    traderId: Prisma.sql`${traderId}::uuid`,
    since: Prisma.sql`${deployment.createdAt.toISOString()}::timestamptz`,
    fixedVersion: Prisma.sql`${deployment.toVersion.version}::int`,
    limit: Prisma.sql`${executions}::int`,
  });
  const [row] = await tx.$queryRaw<{ count: number; last: Date | null }[]>`
    SELECT count(*)::int AS count, max(created_at) AS last FROM (${clean}) clean`;
  const count = row?.count ?? 0;
  return { count, endedAt: count >= executions ? (row?.last ?? null) : null };
}
