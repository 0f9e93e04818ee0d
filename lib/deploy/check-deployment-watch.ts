import { z } from "zod";
import { getDb } from "@/lib/db";
import { type LockedGroup, lockOwnedGroup } from "@/lib/deploy/deploy-locks";
import { regressWatchedGroup, resolveWatchedGroup } from "@/lib/deploy/deployed-group-changes";
import {
  findCleanExecutions,
  findWatchEvidence,
  findWatchedDeployment,
  type WatchedDeployment,
} from "@/lib/deploy/find-watch-recurrence";
import { getWatchExecutions } from "@/lib/deploy/get-watch-minutes";
import {
  type ActivationResult,
  activateVersionInTx,
  publishActivation,
} from "@/lib/deploy/rollback-to-version";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import {
  createNotification,
  publishNotificationCreated,
} from "@/lib/notifications/create-notification";
import type { NotificationRecord } from "@/lib/notifications/notification-view";
import { publishGroupStatusChanged } from "@/lib/realtime/publish-group-status-changed";

export type WatchOutcome =
  | { result: "not_watching" }
  | {
      result: "watching";
      watchUntil: Date;
      // Clean runs so far, of executionsNeeded (null: the setting is off).
      cleanExecutions: number;
      executionsNeeded: number | null;
    }
  // cleanExecutions is set when that many clean runs, not the minutes, ended the window.
  | { result: "resolved"; version: number; cleanExecutions?: number }
  | { result: "regressed"; version: number | null }
  | { result: "rolled_back"; version: number; rolledBackTo: number; deploymentId: string };

type Decided = {
  outcome: WatchOutcome;
  userId: string;
  group: { id: string; status: ErrorGroupStatus } | null;
  activation: (ActivationResult & { traderId: string }) | null;
  notification: NotificationRecord | null;
};

const groupIdSchema = z.guid();

type WatchContext = {
  tx: Prisma.TransactionClient;
  group: LockedGroup;
  deployment: WatchedDeployment;
  now: Date;
};

async function notifyRegression(
  { tx, group, deployment }: WatchContext,
  { title, body, data }: { title: string; body: string; data: Prisma.InputJsonObject },
) {
  return createNotification(tx, {
    userId: group.userId,
    kind: "regression",
    title,
    body,
    groupId: group.id,
    traderId: group.traderId,
    data: { deploymentId: deployment.id, fixedVersion: deployment.toVersion.version, ...data },
  });
}

// The version to roll back to, or null when the watch may not roll back: only with
// auto-rollback on, and only while the fixed version is still the active one (a
// later deploy is newer work that an automatic rollback must not throw away).
async function findAutoRollbackTarget({ tx, group, deployment }: WatchContext) {
  const trader = await tx.trader.findUniqueOrThrow({
    where: { id: group.traderId },
    select: { autoRollback: true, activeVersionId: true },
  });
  const isFixActive = trader.activeVersionId === deployment.toVersion.id;
  return trader.autoRollback && isFixActive ? deployment.fromVersion : null;
}

async function rollBack(
  context: WatchContext,
  { to, recurredOn }: { to: { id: string; version: number }; recurredOn: number },
): Promise<Decided> {
  const { tx, group, deployment, now } = context;
  const activation = await activateVersionInTx(tx, {
    userId: group.userId,
    traderId: group.traderId,
    versionId: to.id,
    kind: "auto_rollback",
    reason: `recurred on version ${recurredOn}`,
    now,
    expectedActiveVersionId: deployment.toVersion.id,
  });
  const notification = await notifyRegression(context, {
    title: `Rolled back to version ${to.version}: ${group.title}`,
    body: `The error came back on version ${recurredOn} within the watch window, so the trader was rolled back automatically to version ${to.version}.`,
    data: { autoRollback: true, rollbackDeploymentId: activation.deploymentId, recurredOn },
  });
  return {
    outcome: {
      result: "rolled_back",
      version: recurredOn,
      rolledBackTo: to.version,
      deploymentId: activation.deploymentId,
    },
    userId: group.userId,
    group: activation.groups.find((changed) => changed.id === group.id) ?? null,
    activation: { ...activation, traderId: group.traderId },
    notification,
  };
}

async function regress(
  context: WatchContext,
  { version, note, body }: { version: number | null; note: string; body: string },
): Promise<Decided> {
  const { tx, group, now } = context;
  const status = await regressWatchedGroup(tx, { group, note, now });
  const notification = await notifyRegression(context, {
    title: `Regression: ${group.title}`,
    body,
    data: { autoRollback: false, recurredOn: version },
  });
  return {
    outcome: { result: "regressed", version },
    userId: group.userId,
    group: { id: group.id, status },
    activation: null,
    notification,
  };
}

type WatchWindow = {
  watchUntil: Date;
  endsAt: Date;
  cleanExecutions: number;
  executionsNeeded: number | null;
  isEndedByExecutions: boolean;
};

// The window ends at watch_until, or earlier at the run that completed the user's
// count of clean executions: whichever comes first.
async function findWatchWindow({ tx, group, deployment }: WatchContext): Promise<WatchWindow> {
  const watchUntil = deployment.watchUntil ?? deployment.createdAt;
  const executionsNeeded = await getWatchExecutions(tx, group.userId);
  const clean = executionsNeeded
    ? await findCleanExecutions(tx, {
        traderId: group.traderId,
        deployment,
        executions: executionsNeeded,
      })
    : null;
  const endedAt = clean?.endedAt ?? null;
  const isEndedByExecutions = endedAt !== null && endedAt.getTime() < watchUntil.getTime();
  return {
    watchUntil,
    endsAt: isEndedByExecutions ? endedAt : watchUntil,
    cleanExecutions: clean?.count ?? 0,
    executionsNeeded,
    isEndedByExecutions,
  };
}

async function decide(context: WatchContext): Promise<Decided> {
  const { tx, group, deployment, now } = context;
  const evidence = await findWatchEvidence(tx, { groupId: group.id, deployment });
  const window = await findWatchWindow(context);
  const { recurrence } = evidence;
  if (recurrence) {
    // After a window that ended clean the error only regresses: no automatic rollback.
    const isInWindow = recurrence.receivedAt.getTime() <= window.endsAt.getTime();
    const target = isInWindow ? await findAutoRollbackTarget(context) : null;
    if (target) return rollBack(context, { to: target, recurredOn: recurrence.version });
    return regress(context, {
      version: recurrence.version,
      note: `Recurred on version ${recurrence.version}`,
      body: `The error came back on version ${recurrence.version} after the fix in version ${deployment.toVersion.version} was deployed.`,
    });
  }
  const idle = { userId: group.userId, group: null, activation: null, notification: null };
  if (now.getTime() < window.endsAt.getTime()) {
    const { watchUntil, cleanExecutions, executionsNeeded } = window;
    return {
      ...idle,
      outcome: { result: "watching", watchUntil, cleanExecutions, executionsNeeded },
    };
  }
  if (evidence.hasUnattributedEvents) {
    return regress(context, {
      version: null,
      note: "Events without a code version arrived during the watch window",
      body: `The error kept arriving after version ${deployment.toVersion.version} was deployed, from an executor that does not report its code version, so the fix could not be confirmed.`,
    });
  }
  const cleanExecutions = window.isEndedByExecutions ? window.cleanExecutions : undefined;
  const status = await resolveWatchedGroup(tx, {
    group,
    version: deployment.toVersion,
    now,
    cleanExecutions,
  });
  return {
    ...idle,
    outcome: { result: "resolved", version: deployment.toVersion.version, cleanExecutions },
    group: { id: group.id, status },
  };
}

async function publishDecision(decided: Decided): Promise<void> {
  const { activation, group, notification, userId } = decided;
  if (activation) {
    await publishActivation(userId, activation.traderId, activation);
  } else if (group) {
    await publishGroupStatusChanged(userId, group.id, group.status);
  }
  if (notification) await publishNotificationCreated(notification);
}

/**
 * Judges a group whose fix is deployed (the `deploy.watch` job after ingest, and
 * resolveWatchedGroups once windows end). An event of the fixed version (or a
 * later one) regresses the group, and within the window rolls the trader back to
 * the version before the fix when it has auto-rollback on; a window that ends
 * clean — its minutes passed, or the trader's schedules recorded the user's count of
 * clean runs first — resolves the group "by version N". Idempotent: anything but a
 * group in fix_deployed is left alone.
 */
export async function checkDeploymentWatch({
  groupId,
  now = new Date(),
}: {
  groupId: string;
  now?: Date;
}): Promise<WatchOutcome> {
  if (!groupIdSchema.safeParse(groupId).success) return { result: "not_watching" };
  const decided = await getDb().$transaction(async (tx): Promise<Decided | null> => {
    const owner = await tx.errorGroup.findUnique({
      where: { id: groupId },
      select: { userId: true },
    });
    if (!owner) return null;
    const group = await lockOwnedGroup(tx, { userId: owner.userId, groupId });
    if (group.status !== "fix_deployed") return null;
    const deployment = await findWatchedDeployment(tx, group.id);
    if (!deployment) return null;
    return decide({ tx, group, deployment, now });
  });
  if (!decided) return { result: "not_watching" };
  await publishDecision(decided);
  return decided.outcome;
}
