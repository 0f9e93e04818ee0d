import { z } from "zod";
import { getDb } from "@/lib/db";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import { publishGroupStatusChanged } from "@/lib/realtime/publish-group-status-changed";

export type DismissedProposal = {
  attemptId: string;
  groupId: string;
  /** The group's status afterwards. */
  groupStatus: ErrorGroupStatus;
};

const attemptIdSchema = z.guid();

/**
 * The user rejects a proposed fix: the attempt becomes `dismissed` and a group still
 * waiting on it (fix_proposed, no other proposal left) reopens as unresolved, with an
 * activity row. A group the user already moved on keeps its status. Tenant-scoped: another user's attempt,
 * a missing one and a malformed id all answer not_found; anything but a proposal, 409.
 */
export async function dismissProposal({
  userId,
  attemptId,
}: {
  userId: string;
  attemptId: string;
}): Promise<DismissedProposal> {
  if (!userId) throw new AppError("unauthorized", "Sign in to dismiss a fix.");
  const notFound = new AppError("not_found", "This fix attempt does not exist.");
  if (!attemptIdSchema.safeParse(attemptId).success) throw notFound;

  const result = await getDb().$transaction(async (tx) => {
    const attempt = await tx.regenerationAttempt.findFirst({
      where: { id: attemptId, userId },
      select: { groupId: true },
    });
    if (!attempt) throw notFound;
    const { groupId } = attempt;
    // Lock order as everywhere: the group row, then the attempt.
    const locked = await tx.$queryRaw<{ status: ErrorGroupStatus }[]>`
      SELECT status FROM error_groups
      WHERE id = ${groupId}::uuid AND user_id = ${userId}::uuid
      FOR UPDATE`;
    const group = locked[0];
    if (!group) throw notFound;
    const dismissed = await tx.regenerationAttempt.updateMany({
      where: { id: attemptId, userId, status: "proposed" },
      data: { status: "dismissed" },
    });
    if (dismissed.count !== 1) {
      throw new AppError("conflict", "Only a proposed fix can be dismissed.");
    }
    // Another proposal for the same group still waits for review.
    const pending = await tx.regenerationAttempt.count({
      where: { groupId, userId, status: "proposed" },
    });
    if (group.status !== "fix_proposed" || pending > 0) {
      return { attemptId, groupId, groupStatus: group.status, isReopened: false };
    }
    await tx.errorGroup.update({ where: { id: groupId }, data: { status: "unresolved" } });
    await tx.groupActivity.create({
      data: {
        groupId,
        actorKind: "user",
        actorUserId: userId,
        kind: "status_changed",
        fromStatus: "fix_proposed",
        toStatus: "unresolved",
        note: `Dismissed the AI fix (attempt ${attemptId})`,
      },
    });
    return { attemptId, groupId, groupStatus: "unresolved" as const, isReopened: true };
  });
  if (result.isReopened) await publishGroupStatusChanged(userId, result.groupId, "unresolved");
  return { attemptId: result.attemptId, groupId: result.groupId, groupStatus: result.groupStatus };
}
