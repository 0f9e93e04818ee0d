import { getDb } from "@/lib/db";
import { checkDeploymentWatch, type WatchOutcome } from "@/lib/deploy/check-deployment-watch";

export type ResolveWatchedGroupsResult = {
  checked: number;
  resolved: number;
  regressed: number;
  rolledBack: number;
  failed: number;
};

const DEFAULT_BATCH_SIZE = 100;

// Groups in fix_deployed whose latest fix deployment's window has ended, oldest first.
async function findEndedWatches(now: Date, limit: number): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT g.id FROM error_groups g
    CROSS JOIN LATERAL (
      SELECT d.watch_until FROM deployments d
      WHERE d.group_id = g.id AND d.kind = 'deploy'
      ORDER BY d.created_at DESC, d.id DESC LIMIT 1) latest
    WHERE g.status = 'fix_deployed' AND latest.watch_until <= ${now}
    ORDER BY latest.watch_until
    LIMIT ${limit}::int`;
  return rows.map((row) => row.id);
}

/**
 * For the cron / worker tick: closes the watch windows that have ended. Each group
 * is judged on its own (checkDeploymentWatch), so a window that passed clean resolves
 * "by version N" and a late-found recurrence still regresses. One failing group is
 * logged and left for the next run; it does not stop the others.
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
