import type { Prisma } from "@/lib/generated/prisma/client";

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
