import { z } from "zod";
import { getDb } from "@/lib/db";
import { assertDeployableCode } from "@/lib/deploy/assert-deployable-code";
import { enqueueDeployWebhook } from "@/lib/deploy/deploy-job-payloads";
import { type LockedGroup, lockOwnedGroup, lockOwnedTrader } from "@/lib/deploy/deploy-locks";
import { markGroupFixDeployed } from "@/lib/deploy/deployed-group-changes";
import { getWatchMinutes } from "@/lib/deploy/get-watch-minutes";
import { publishDeployEvents } from "@/lib/deploy/publish-deploy-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErrorGroupStatus, TraderState } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

export type DeployCodeOptions = {
  userId: string;
  traderId: string;
  code: string;
  source: "user" | "ai";
  // The error group this code fixes: it is then watched for recurrences.
  groupId?: string;
  // The AI proposal being deployed (its group is used when groupId is omitted).
  attemptId?: string;
  note?: string;
  now?: Date;
};

export type DeployResult = {
  deploymentId: string;
  version: { id: string; version: number };
  fromVersionId: string | null;
  traderState: TraderState;
  // The trader was paused and stays paused: the new code runs once it is resumed.
  isKeptPaused: boolean;
  watchUntil: Date;
  group: { id: string; status: ErrorGroupStatus } | null;
  isWebhookQueued: boolean;
};

const idSchema = z.guid();

function assertId(id: string | undefined, what: string): void {
  if (id !== undefined && !idSchema.safeParse(id).success) {
    throw new AppError("not_found", `This ${what} does not exist.`);
  }
}

// Read before any lock, to learn the group to lock first; re-checked under the lock.
async function findProposedAttempt(
  tx: Prisma.TransactionClient,
  { userId, traderId, attemptId, groupId }: DeployCodeOptions,
) {
  if (!attemptId) return null;
  const attempt = await tx.regenerationAttempt.findFirst({
    where: { id: attemptId, userId, traderId },
    select: { id: true, groupId: true, status: true },
  });
  if (!attempt) throw new AppError("not_found", "This fix attempt does not exist.");
  if (groupId && attempt.groupId !== groupId) {
    throw new AppError("validation_failed", "This fix attempt belongs to another error group.", [
      { path: "attemptId", message: "belongs to another error group" },
    ]);
  }
  if (attempt.status !== "proposed") {
    throw new AppError(
      "conflict",
      `This fix attempt is ${attempt.status}; only a proposed fix can be deployed.`,
    );
  }
  return attempt;
}

async function lockGroupOfTrader(
  tx: Prisma.TransactionClient,
  { userId, traderId, groupId }: { userId: string; traderId: string; groupId: string },
): Promise<LockedGroup> {
  const group = await lockOwnedGroup(tx, { userId, groupId });
  if (group.traderId !== traderId) {
    throw new AppError("not_found", "This error group does not belong to this trader.");
  }
  return group;
}

async function markAttemptDeployed(tx: Prisma.TransactionClient, attemptId: string, now: Date) {
  // Guarded: a proposal dismissed (or deployed by another click) meanwhile is not deployed twice.
  const updated = await tx.regenerationAttempt.updateMany({
    where: { id: attemptId, status: "proposed" },
    data: { status: "deployed", completedAt: now },
  });
  if (updated.count !== 1) {
    throw new AppError(
      "conflict",
      "This fix attempt is no longer a proposal that can be deployed.",
    );
  }
}

async function nextVersionNumber(tx: Prisma.TransactionClient, traderId: string) {
  const { _max } = await tx.traderCodeVersion.aggregate({
    where: { traderId },
    _max: { version: true },
  });
  return (_max.version ?? 0) + 1;
}

/**
 * One-click deploy: the code becomes the trader's next immutable version and its
 * active one, in one transaction that also records the deployment, moves the fixed
 * error group under watch, marks the AI attempt deployed and queues the deploy
 * webhook. Tenant-scoped; refuses code that does not compile (422) and code equal
 * to the active version (409). Callers should kick the job runner after it returns.
 */
export async function deployCode(options: DeployCodeOptions): Promise<DeployResult> {
  const { userId, traderId, code, source, note, now = new Date() } = options;
  if (!userId) throw new AppError("unauthorized", "Sign in to deploy code.");
  assertId(traderId, "trader");
  assertId(options.groupId, "error group");
  assertId(options.attemptId, "fix attempt");
  await assertDeployableCode(code);

  const result = await getDb().$transaction(async (tx) => {
    const attempt = await findProposedAttempt(tx, options);
    const groupId = options.groupId ?? attempt?.groupId;
    const group = groupId ? await lockGroupOfTrader(tx, { userId, traderId, groupId }) : null;
    const trader = await lockOwnedTrader(tx, { userId, traderId });

    const active = trader.activeVersionId
      ? await tx.traderCodeVersion.findUnique({
          where: { id: trader.activeVersionId },
          select: { code: true, version: true },
        })
      : null;
    if (active && active.code === code) {
      throw new AppError("conflict", `This code is already active as version ${active.version}.`);
    }

    const version = await tx.traderCodeVersion.create({
      data: {
        traderId,
        version: await nextVersionNumber(tx, traderId),
        code,
        source,
        authorId: userId,
        parentId: trader.activeVersionId,
        note: note || null,
        createdAt: now,
      },
      select: { id: true, version: true },
    });
    const traderState: TraderState = trader.state === "paused" ? "paused" : "running";
    await tx.trader.update({
      where: { id: traderId },
      data: { activeVersionId: version.id, state: traderState },
    });
    const watchUntil = new Date(now.getTime() + (await getWatchMinutes(tx, userId)) * 60_000);
    const deployment = await tx.deployment.create({
      data: {
        traderId,
        actorUserId: userId,
        fromVersionId: trader.activeVersionId,
        toVersionId: version.id,
        groupId: group?.id ?? null,
        attemptId: attempt?.id ?? null,
        kind: "deploy",
        reason: note || null,
        watchUntil,
        createdAt: now,
      },
      select: { id: true },
    });
    const groupStatus = group
      ? await markGroupFixDeployed(tx, { group, actorUserId: userId, version: version.version })
      : null;
    if (attempt) await markAttemptDeployed(tx, attempt.id, now);
    const isWebhookQueued = Boolean(trader.deployWebhookUrl);
    if (isWebhookQueued) {
      await enqueueDeployWebhook(tx, deployment.id);
    }
    return {
      deploymentId: deployment.id,
      version,
      fromVersionId: trader.activeVersionId,
      traderState,
      isKeptPaused: traderState === "paused",
      watchUntil,
      group: group && groupStatus ? { id: group.id, status: groupStatus } : null,
      isWebhookQueued,
    };
  });

  await publishDeployEvents({
    userId,
    traderId,
    state: result.traderState,
    activeVersionId: result.version.id,
    groups: result.group ? [result.group] : [],
  });
  return result;
}
