import type { LockedGroup } from "@/lib/deploy/deploy-locks";
import { canTransition } from "@/lib/errors/group-lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

// How deploys, rollbacks and the watch window move an error group. Each change
// writes its activity row in the caller's transaction; the group must be locked.

type Actor = { actorUserId: string | null };

const actorKindOf = ({ actorUserId }: Actor) => (actorUserId ? "user" : "system");

// A redeploy for a group already under watch keeps it there with a fresh window.
export async function markGroupFixDeployed(
  tx: Prisma.TransactionClient,
  { group, actorUserId, version }: { group: LockedGroup; version: number } & Actor,
): Promise<ErrorGroupStatus> {
  const isRedeploy = group.status === "fix_deployed";
  if (!isRedeploy && !canTransition(group.status, "fix_deployed", "system")) {
    throw new AppError(
      "conflict",
      `A fix cannot be deployed for an error group that is ${group.status}.`,
    );
  }
  if (!isRedeploy) {
    await tx.errorGroup.update({
      where: { id: group.id },
      data: {
        status: "fix_deployed",
        resolvedAt: null,
        ignoredUntil: null,
        ignoredUntilCount: null,
      },
    });
  }
  await tx.groupActivity.create({
    data: {
      groupId: group.id,
      actorKind: actorKindOf({ actorUserId }),
      actorUserId,
      kind: "fix_deployed",
      fromStatus: group.status,
      toStatus: "fix_deployed",
      note: `Deployed version ${version}`,
    },
  });
  return "fix_deployed";
}

export async function regressWatchedGroup(
  tx: Prisma.TransactionClient,
  { group, note, now }: { group: LockedGroup; note: string; now: Date },
): Promise<ErrorGroupStatus> {
  await tx.errorGroup.update({
    where: { id: group.id },
    data: {
      status: "regressed",
      regressedAt: now,
      regressionCount: { increment: 1 },
      resolvedAt: null,
    },
  });
  await tx.groupActivity.create({
    data: {
      groupId: group.id,
      actorKind: "system",
      kind: "regressed",
      fromStatus: group.status,
      toStatus: "regressed",
      note,
    },
  });
  return "regressed";
}

// cleanExecutions: the window was ended by that many clean runs rather than its minutes.
export async function resolveWatchedGroup(
  tx: Prisma.TransactionClient,
  {
    group,
    version,
    now,
    cleanExecutions,
  }: {
    group: LockedGroup;
    version: { id: string; version: number };
    now: Date;
    cleanExecutions?: number;
  },
): Promise<ErrorGroupStatus> {
  await tx.errorGroup.update({
    where: { id: group.id },
    data: { status: "resolved", resolvedAt: now, resolvedInVersionId: version.id },
  });
  await tx.groupActivity.create({
    data: {
      groupId: group.id,
      actorKind: "system",
      kind: "status_changed",
      fromStatus: group.status,
      toStatus: "resolved",
      note:
        cleanExecutions === undefined
          ? `Resolved by version ${version.version}`
          : `Resolved by version ${version.version} after ${cleanExecutions} clean executions`,
    },
  });
  return "resolved";
}

/**
 * The fix this group was waiting on has been rolled back. While it was still being
 * watched, the group leaves fix_deployed: a rollback by hand reopens it (the user
 * triages again), an automatic one means the error came back, so it regressed. A
 * group that already left the watch keeps its status; the row records the rollback.
 */
export async function recordGroupRolledBack(
  tx: Prisma.TransactionClient,
  {
    group,
    actorUserId,
    isAutomatic,
    note,
    now,
  }: { group: LockedGroup; isAutomatic: boolean; note: string; now: Date } & Actor,
): Promise<ErrorGroupStatus> {
  const isWatched = group.status === "fix_deployed";
  const to: ErrorGroupStatus = !isWatched ? group.status : isAutomatic ? "regressed" : "unresolved";
  if (isWatched) {
    await tx.errorGroup.update({
      where: { id: group.id },
      data: isAutomatic
        ? { status: to, regressedAt: now, regressionCount: { increment: 1 } }
        : { status: to },
    });
  }
  await tx.groupActivity.create({
    data: {
      groupId: group.id,
      actorKind: actorKindOf({ actorUserId }),
      actorUserId,
      kind: "rolled_back",
      fromStatus: isWatched ? group.status : null,
      toStatus: isWatched ? to : null,
      note,
    },
  });
  return to;
}
