import { z } from "zod";
import { getDb } from "@/lib/db";
import { enqueueDeployWebhook } from "@/lib/deploy/deploy-job-payloads";
import { lockOwnedTrader } from "@/lib/deploy/deploy-locks";
import { recordGroupRolledBack } from "@/lib/deploy/deployed-group-changes";
import { lockRollbackScope } from "@/lib/deploy/lock-rollback-scope";
import { publishDeployEvents } from "@/lib/deploy/publish-deploy-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErrorGroupStatus, TraderState } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

export type ActivateVersionOptions = {
  userId: string;
  traderId: string;
  versionId: string;
  kind: "rollback" | "auto_rollback";
  reason: string;
  now?: Date;
};

export type ActivationResult = {
  deploymentId: string;
  version: { id: string; version: number };
  fromVersionId: string | null;
  traderState: TraderState;
  isKeptPaused: boolean;
  groups: { id: string; status: ErrorGroupStatus }[];
  isWebhookQueued: boolean;
};

const idSchema = z.guid();
const notFound = () => new AppError("not_found", "This code version does not exist.");

// The deployment that put the active version in place: the one being rolled back.
async function findRolledBackDeployment(
  tx: Prisma.TransactionClient,
  traderId: string,
  activeVersionId: string | null,
) {
  if (!activeVersionId) return null;
  return tx.deployment.findFirst({
    where: { traderId, toVersionId: activeVersionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { groupId: true },
  });
}

/**
 * Re-activates an existing version of the trader. No new version row: versions are
 * immutable, so the old id (and its number) still names exactly this code, which is
 * what executors report in code_version_id and what "recurred on version N" means.
 * The deployments table is the audit trail of every activation. Runs in the
 * caller's transaction; `expectedActiveVersionId` fences a decision taken before
 * the locks (the watch window's).
 */
export async function activateVersionInTx(
  tx: Prisma.TransactionClient,
  {
    userId,
    traderId,
    versionId,
    kind,
    reason,
    now = new Date(),
    expectedActiveVersionId,
  }: ActivateVersionOptions & { expectedActiveVersionId?: string },
): Promise<ActivationResult> {
  const [target, current] = await Promise.all([
    tx.traderCodeVersion.findFirst({
      where: { id: versionId, traderId, trader: { userId } },
      select: { id: true, version: true },
    }),
    tx.trader.findFirst({ where: { id: traderId, userId }, select: { activeVersionId: true } }),
  ]);
  if (!current) throw new AppError("not_found", "This trader does not exist.");
  if (!target) throw notFound();
  const rolledBack = await findRolledBackDeployment(tx, traderId, current.activeVersionId);
  const groups = await lockRollbackScope(tx, {
    userId,
    traderId,
    targetVersion: target.version,
    rolledBackGroupId: rolledBack?.groupId ?? null,
  });
  const trader = await lockOwnedTrader(tx, { userId, traderId });
  const expected = expectedActiveVersionId ?? current.activeVersionId;
  if (trader.activeVersionId !== expected) {
    throw new AppError("conflict", "The trader's active version changed meanwhile; retry.");
  }
  if (trader.activeVersionId === target.id) {
    throw new AppError("conflict", `Version ${target.version} is already active.`);
  }

  const isAutomatic = kind === "auto_rollback";
  const actorUserId = isAutomatic ? null : userId;
  const traderState: TraderState = trader.state === "paused" ? "paused" : "running";
  await tx.trader.update({
    where: { id: traderId },
    data: { activeVersionId: target.id, state: traderState },
  });
  const deployment = await tx.deployment.create({
    data: {
      traderId,
      actorUserId,
      fromVersionId: trader.activeVersionId,
      toVersionId: target.id,
      groupId: rolledBack?.groupId ?? null,
      kind,
      reason,
      createdAt: now,
    },
    select: { id: true },
  });
  const note = `${isAutomatic ? "Automatically rolled back" : "Rolled back"} to version ${target.version}: ${reason}`;
  const changed: ActivationResult["groups"] = [];
  for (const group of groups) {
    const status = await recordGroupRolledBack(tx, { group, actorUserId, isAutomatic, note, now });
    changed.push({ id: group.id, status });
  }
  const isWebhookQueued = Boolean(trader.deployWebhookUrl);
  if (isWebhookQueued) {
    await enqueueDeployWebhook(tx, deployment.id);
  }
  return {
    deploymentId: deployment.id,
    version: target,
    fromVersionId: trader.activeVersionId,
    traderState,
    isKeptPaused: traderState === "paused",
    groups: changed,
    isWebhookQueued,
  };
}

export async function publishActivation(
  userId: string,
  traderId: string,
  result: ActivationResult,
): Promise<void> {
  await publishDeployEvents({
    userId,
    traderId,
    state: result.traderState,
    activeVersionId: result.version.id,
    groups: result.groups,
  });
}

// Rollback by hand (or by the watch window): tenant-scoped, audited, one transaction.
// Callers should kick the job runner afterwards (the deploy webhook).
export async function activateVersion(options: ActivateVersionOptions): Promise<ActivationResult> {
  if (!options.userId) throw new AppError("unauthorized", "Sign in to roll back.");
  if (!idSchema.safeParse(options.traderId).success) {
    throw new AppError("not_found", "This trader does not exist.");
  }
  if (!idSchema.safeParse(options.versionId).success) throw notFound();
  const result = await getDb().$transaction((tx) => activateVersionInTx(tx, options));
  await publishActivation(options.userId, options.traderId, result);
  return result;
}
