import { getDb } from "@/lib/db";
import { canTransition, isUserSettableStatus } from "@/lib/errors/group-lifecycle";
import {
  type ErrorGroupRecord,
  errorGroupSelect,
  type GroupActivityRecord,
  groupActivitySelect,
} from "@/lib/errors/query/error-group-json";
import { getErrorGroupOrThrow } from "@/lib/errors/query/get-error-group-or-throw";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

export type IgnoreOptions = { until?: Date; events?: number };

export type ChangeGroupStatusOptions = {
  userId: string;
  groupId: string;
  to: ErrorGroupStatus;
  note?: string;
  ignore?: IgnoreOptions;
  now?: Date;
};

// activity is null when the group already had the requested status (a no-op).
export type GroupStatusChange = {
  group: ErrorGroupRecord;
  activity: GroupActivityRecord | null;
};

function checkIgnoreOptions(to: ErrorGroupStatus, ignore: IgnoreOptions | undefined, now: Date) {
  if (!ignore) return;
  if (to !== "ignored") {
    throw new AppError("validation_failed", "ignore is only allowed with status ignored.", [
      { path: "ignore", message: "only allowed with status ignored" },
    ]);
  }
  if (ignore.until && ignore.until.getTime() <= now.getTime()) {
    throw new AppError("validation_failed", "ignore.until must be in the future.", [
      { path: "ignore.until", message: "must be in the future" },
    ]);
  }
}

// The columns a manual transition rewrites. resolvedAt is set only by resolving and
// ignore windows only by ignoring, so leaving either state clears them.
function statusData(
  to: ErrorGroupStatus,
  eventCount: number,
  ignore: IgnoreOptions | undefined,
  now: Date,
): Prisma.ErrorGroupUpdateManyMutationInput {
  return {
    status: to,
    resolvedAt: to === "resolved" ? now : null,
    ignoredUntil: to === "ignored" ? (ignore?.until ?? null) : null,
    // "Until N more events" is stored as the event_count that ends the ignore.
    ignoredUntilCount: to === "ignored" && ignore?.events ? eventCount + ignore.events : null,
  };
}

// A user's manual status change (resolve, reopen, ignore). Tenant scoped through the
// loader; the update and its activity row commit together.
export async function changeGroupStatus({
  userId,
  groupId,
  to,
  note,
  ignore,
  now = new Date(),
}: ChangeGroupStatusOptions): Promise<GroupStatusChange> {
  return getDb().$transaction(async (tx) => {
    // Load first: another user's group is a 404 before anything else is revealed.
    const current = await getErrorGroupOrThrow({ id: groupId, userId, db: tx });
    if (!isUserSettableStatus(to)) {
      throw new AppError("conflict", `Status ${to} is set by Faultline, not by users.`);
    }
    checkIgnoreOptions(to, ignore, now);
    if (current.status === to) return { group: current, activity: null };
    if (!canTransition(current.status, to)) {
      throw new AppError("conflict", `An error group cannot go from ${current.status} to ${to}.`);
    }
    // Guarded on the status we read: if ingest or another request moved the group in
    // between, nothing is written and the caller retries against the new state.
    const updated = await tx.errorGroup.updateMany({
      where: { id: current.id, userId, status: current.status },
      data: statusData(to, current.eventCount, ignore, now),
    });
    if (updated.count !== 1) {
      throw new AppError("conflict", "The error group changed meanwhile; retry.");
    }
    const activity = await tx.groupActivity.create({
      data: {
        groupId: current.id,
        actorKind: "user",
        actorUserId: userId,
        kind: "status_changed",
        fromStatus: current.status,
        toStatus: to,
        note: note ? note : null,
      },
      select: groupActivitySelect,
    });
    const group = await tx.errorGroup.findFirstOrThrow({
      where: { id: current.id, userId },
      select: errorGroupSelect,
    });
    return { group, activity };
  });
}
