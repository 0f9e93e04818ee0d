import type { LockedGroup } from "@/lib/deploy/deploy-locks";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The error groups a version change touches, locked (in ingest's order, by
 * fingerprint): the group of the deployment being rolled back, and every group
 * still watching a fix that the target version does not contain, i.e. whose latest
 * fix deployment went to a higher version number than the target.
 */
export async function lockRollbackScope(
  tx: Prisma.TransactionClient,
  {
    userId,
    traderId,
    targetVersion,
    rolledBackGroupId,
  }: { userId: string; traderId: string; targetVersion: number; rolledBackGroupId: string | null },
): Promise<LockedGroup[]> {
  return tx.$queryRaw<LockedGroup[]>`
    SELECT g.id, g.user_id AS "userId", g.trader_id AS "traderId", g.title, g.status
    FROM error_groups g
    WHERE g.trader_id = ${traderId}::uuid AND g.user_id = ${userId}::uuid
      AND (g.id = ${rolledBackGroupId}::uuid OR (g.status = 'fix_deployed' AND (
        SELECT v.version FROM deployments d JOIN trader_code_versions v ON v.id = d.to_version_id
        WHERE d.group_id = g.id AND d.kind = 'deploy'
        ORDER BY d.created_at DESC, d.id DESC LIMIT 1) > ${targetVersion}))
    ORDER BY g.trader_id, g.fingerprint
    FOR UPDATE OF g`;
}
