import { changeGroupStatus } from "@/lib/errors/change-group-status";
import { isUserSettableStatus } from "@/lib/errors/group-lifecycle";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import { AppError, type AppErrorCode } from "@/lib/http/app-error";

export const MAX_BULK_GROUPS = 100;

export type GroupStatusFailure = { groupId: string; code: AppErrorCode; message: string };

export type GroupStatusesChange = {
  // Moved to the requested status, each with its activity row.
  changed: string[];
  // Already in the requested status: nothing written.
  unchanged: string[];
  // Not changed, with the reason (unknown or another user's group, refused transition,
  // changed concurrently). The other groups are unaffected.
  failed: GroupStatusFailure[];
};

// A user's status change for many groups at once (the inbox's bulk resolve / ignore /
// reopen). Each group goes through changeGroupStatus, so it is tenant scoped by the same
// loader and commits with its own activity row: one refused group does not roll back
// the others, it is reported instead.
export async function changeGroupStatuses({
  userId,
  groupIds,
  to,
  note,
  now = new Date(),
}: {
  userId: string;
  groupIds: readonly string[];
  to: ErrorGroupStatus;
  note?: string;
  now?: Date;
}): Promise<GroupStatusesChange> {
  if (!userId) throw new AppError("unauthorized", "Sign in to change error groups.");
  // Refused for the whole batch up front, rather than once per group.
  if (!isUserSettableStatus(to)) {
    throw new AppError("conflict", `Status ${to} is set by Faultline, not by users.`);
  }
  const ids = [...new Set(groupIds)];
  if (ids.length === 0 || ids.length > MAX_BULK_GROUPS) {
    throw new AppError(
      "validation_failed",
      `Choose between 1 and ${MAX_BULK_GROUPS} error groups.`,
      [{ path: "groupIds", message: `between 1 and ${MAX_BULK_GROUPS} ids` }],
    );
  }
  const result: GroupStatusesChange = { changed: [], unchanged: [], failed: [] };
  // One after another on purpose: each is a short transaction on one group row, and
  // a burst of parallel ones would only queue on the connection pool.
  for (const groupId of ids) {
    try {
      const { activity } = await changeGroupStatus({ userId, groupId, to, note, now });
      (activity ? result.changed : result.unchanged).push(groupId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed.push({ groupId, code: error.code, message: error.message });
    }
  }
  return result;
}
