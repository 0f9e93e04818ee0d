import { getDb } from "@/lib/db";
import { checkDeploymentWatch, type WatchOutcome } from "@/lib/deploy/check-deployment-watch";
import { firstCleanRunsSql } from "@/lib/deploy/find-watch-recurrence";
import { DEFAULT_WATCH_EXECUTIONS } from "@/lib/deploy/get-watch-minutes";
import { Prisma } from "@/lib/generated/prisma/client";

export type ResolveWatchedGroupsResult = {
  checked: number;
  resolved: number;
  regressed: number;
  rolledBack: number;
  failed: number;
};

const DEFAULT_BATCH_SIZE = 100;

// Groups in fix_deployed whose latest fix deployment's window has ended, by its minutes
// or by the user's count of clean runs (0 = off), oldest deadline first. The count reads
// at most that many runs per group, and only groups under watch are looked at.
async function findEndedWatches(now: Date, limit: number): Promise<string[]> {
  const executions = Prisma.sql`COALESCE(a.watch_executions, ${DEFAULT_WATCH_EXECUTIONS}::int)`;
  const clean = firstCleanRunsSql({
    traderId: Prisma.sql`g.trader_id`,
    since: Prisma.sql`latest.created_at`,
    fixedVersion: Prisma.sql`latest.fixed_version`,
    limit: executions,
  });
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT g.id FROM error_groups g
    CROSS JOIN LATERAL (
      SELECT d.watch_until, d.created_at, fixed.version AS fixed_version FROM deployments d
      JOIN trader_code_versions fixed ON fixed.id = d.to_version_id
      WHERE d.group_id = g.id AND d.kind = 'deploy'
      ORDER BY d.created_at DESC, d.id DESC LIMIT 1) latest
    LEFT JOIN ai_settings a ON a.user_id = g.user_id
    WHERE g.status = 'fix_deployed'
      AND (latest.watch_until <= ${now}
        OR (${executions} > 0 AND (SELECT count(*) FROM (${clean}) clean) >= ${executions}))
    ORDER BY latest.watch_until
    LIMIT ${limit}::int`;
  return rows.map((row) => row.id);
}

/**
 * For the cron / worker tick: closes the watch windows that have ended. It is also
 * what ends a window by clean executions (within a minute of the last one): the run
 * report does not queue a check, since it is the executor's hot path (one per schedule
 * per candle) and the outcome does not depend on when the check runs — a window ended
 * by executions ends at the run that completed the count. Each group is judged on its
 * own (checkDeploymentWatch), so a window that passed clean resolves "by version N"
 * and a late-found recurrence still regresses. One failing group is logged and left
 * for the next run; it does not stop the others.
 */
export async function resolveWatchedGroups({
  now = new Date(),
  limit = DEFAULT_BATCH_SIZE,
}: {
  now?: Date;
  limit?: number;
} = {}): Promise<ResolveWatchedGroupsResult> {
  const groupIds = await findEndedWatches(now, limit);
  const outcomes: (WatchOutcome["result"] | "failed")[] = [];
  for (const groupId of groupIds) {
    try {
      outcomes.push((await checkDeploymentWatch({ groupId, now })).result);
    } catch (error) {
      console.warn(`[deploy] watch of group ${groupId} could not be closed`, error);
      outcomes.push("failed");
    }
  }
  const count = (result: WatchOutcome["result"] | "failed") =>
    outcomes.filter((outcome) => outcome === result).length;
  return {
    checked: groupIds.length,
    resolved: count("resolved"),
    regressed: count("regressed"),
    rolledBack: count("rolled_back"),
    failed: count("failed"),
  };
}
