import { getDb } from "@/lib/db";
import { canTransition } from "@/lib/errors/group-lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import { estimateLlmCostUsd } from "@/lib/llm/estimate-llm-cost";
import {
  createNotification,
  publishNotificationCreated,
} from "@/lib/notifications/create-notification";
import type { NotificationRecord } from "@/lib/notifications/notification-view";
import { publishGroupStatusChanged } from "@/lib/realtime/publish-group-status-changed";
import type { FixLoopResult } from "@/lib/regeneration/generate-verified-fix";

export type Completion = {
  status: "proposed" | "failed";
  error: string | null;
  run: { model: string; promptHash: string; result: FixLoopResult } | null;
};

type ProposedFix = {
  userId: string;
  groupId: string;
  /** Set when the group moved to fix_proposed. */
  status: ErrorGroupStatus | null;
  notification: NotificationRecord | null;
};

type LockedGroup = { traderId: string; title: string; status: ErrorGroupStatus };

const MAX_SUMMARY_CHARS = 500;

// The ledger columns: what the attempt cost and what it produced.
function completionData({ status, error, run }: Completion, now: Date) {
  const proposal = run?.result.proposal ?? null;
  return {
    status,
    error,
    completedAt: now,
    ...(run && {
      model: run.model,
      promptHash: run.promptHash,
      rounds: run.result.rounds,
      tokensIn: run.result.usage.inputTokens,
      tokensOut: run.result.usage.outputTokens,
      estimatedCostUsd: estimateLlmCostUsd(run.model, run.result.usage),
      latencyMs: run.result.latencyMs,
      verification: run.result.verification,
      proposedCode: proposal?.code ?? null,
      explanation: proposal?.explanation ?? null,
      changes: proposal?.changes ?? [],
    }),
  } satisfies Prisma.RegenerationAttemptUpdateManyMutationInput;
}

// A proposal moves an open group to fix_proposed and tells its owner, in the
// attempt's own transaction. A group the user resolved or muted meanwhile keeps its
// status (the proposal stays reviewable); a muted one is not notified either.
async function applyProposal(
  tx: Prisma.TransactionClient,
  {
    attemptId,
    userId,
    groupId,
    group,
    explanation,
  }: {
    attemptId: string;
    userId: string;
    groupId: string;
    group: LockedGroup;
    explanation: string | null;
  },
): Promise<ProposedFix> {
  const isMoving = canTransition(group.status, "fix_proposed", "system");
  if (isMoving) {
    await tx.errorGroup.update({ where: { id: groupId }, data: { status: "fix_proposed" } });
  }
  await tx.groupActivity.create({
    data: {
      groupId,
      actorKind: "system",
      kind: "fix_proposed",
      fromStatus: isMoving ? group.status : null,
      toStatus: isMoving ? "fix_proposed" : null,
      note: `AI proposed a fix (attempt ${attemptId})`,
    },
  });
  const notification =
    group.status === "ignored"
      ? null
      : await createNotification(tx, {
          userId,
          kind: "fix_ready",
          title: `Fix ready: ${group.title}`,
          body: explanation?.slice(0, MAX_SUMMARY_CHARS) || undefined,
          groupId,
          traderId: group.traderId,
          data: { attemptId },
        });
  return { userId, groupId, status: isMoving ? "fix_proposed" : null, notification };
}

// Records how an attempt ended. Only a running attempt is completed: one dismissed
// meanwhile stays dismissed. Lock order as everywhere: the group row, then the attempt.
export async function completeAttempt(attemptId: string, completion: Completion): Promise<void> {
  const now = new Date();
  const proposed = await getDb().$transaction(async (tx) => {
    const attempt = await tx.regenerationAttempt.findUnique({
      where: { id: attemptId },
      select: { userId: true, groupId: true },
    });
    if (!attempt) return null;
    const { userId, groupId } = attempt;
    const locked = await tx.$queryRaw<LockedGroup[]>`
      SELECT trader_id AS "traderId", title, status FROM error_groups
      WHERE id = ${groupId}::uuid AND user_id = ${userId}::uuid
      FOR UPDATE`;
    const updated = await tx.regenerationAttempt.updateMany({
      where: { id: attemptId, status: "running" },
      data: completionData(completion, now),
    });
    const group = locked[0];
    if (updated.count !== 1 || completion.status !== "proposed" || !group) return null;
    return applyProposal(tx, {
      attemptId,
      userId,
      groupId,
      group,
      explanation: completion.run?.result.proposal?.explanation ?? null,
    });
  });
  if (!proposed) return;
  if (proposed.notification) await publishNotificationCreated(proposed.notification);
  if (proposed.status) {
    await publishGroupStatusChanged(proposed.userId, proposed.groupId, proposed.status);
  }
}
