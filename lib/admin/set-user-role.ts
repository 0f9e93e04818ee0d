import { z } from "zod";
import { getDb } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import { assertAdminUser } from "@/lib/system-errors/assert-admin-user";

export type SetUserRoleOptions = {
  /** The admin making the change. */
  userId: string;
  targetUserId: string;
  role: UserRole;
};

export type SetUserRoleResult = {
  user: { id: string; email: string; name: string | null; role: UserRole };
  previousRole: UserRole;
  isChanged: boolean;
};

// There is no audit table for account changes: one JSON line on stdout, in the shape a
// log drain can index (the same convention as log-system-error's fallback line).
function writeAuditLine(entry: {
  actorId: string;
  targetUserId: string;
  from: UserRole;
  to: UserRole;
}): void {
  try {
    console.info(
      JSON.stringify({
        level: "info",
        source: "admin_audit",
        action: "user_role_changed",
        occurred_at: new Date().toISOString(),
        actor_id: entry.actorId,
        target_user_id: entry.targetUserId,
        from_role: entry.from,
        to_role: entry.to,
      }),
    );
  } catch {
    // The change is committed; a lost log line must not turn it into a failure.
  }
}

/**
 * Admin only: promotes a user to admin or demotes one to trader. Faultline must keep at
 * least one admin (nobody could reach the console or promote anyone again), so demoting
 * the last one is refused. Two admins demoting each other at once could otherwise both
 * see "another admin remains": the admin rows are locked first, so the second
 * transaction counts after the first has committed.
 */
export async function setUserRole({
  userId,
  targetUserId,
  role,
}: SetUserRoleOptions): Promise<SetUserRoleResult> {
  await assertAdminUser(userId);
  if (!z.guid().safeParse(targetUserId).success) {
    throw new AppError("not_found", "This user does not exist.");
  }
  const result = await getDb().$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE`;
    const target = await tx.user.findUnique({
      where: { id: targetUserId },
      select: { id: true, email: true, name: true, role: true },
    });
    if (!target) throw new AppError("not_found", "This user does not exist.");
    if (target.role === role) {
      return { user: target, previousRole: target.role, isChanged: false };
    }
    const isLastAdmin = target.role === "admin" && admins.every((admin) => admin.id === target.id);
    if (isLastAdmin) {
      throw new AppError(
        "conflict",
        target.id === userId
          ? "You are the last admin: promote someone else before stepping down."
          : "This is the last admin: promote someone else first.",
      );
    }
    const user = await tx.user.update({
      where: { id: target.id },
      data: { role },
      select: { id: true, email: true, name: true, role: true },
    });
    return { user, previousRole: target.role, isChanged: true };
  });
  if (result.isChanged) {
    writeAuditLine({ actorId: userId, targetUserId, from: result.previousRole, to: role });
  }
  return result;
}
