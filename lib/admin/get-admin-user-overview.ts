import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { assertAdminUser } from "@/lib/system-errors/assert-admin-user";

// Read-only support view: enough to see what a user runs and what is failing for them.
export const OVERVIEW_GROUPS_LIMIT = 100;

const overviewSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  traders: {
    select: {
      id: true,
      name: true,
      state: true,
      lastErrorAt: true,
      createdAt: true,
      _count: { select: { errorGroups: true } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  },
  errorGroups: {
    select: {
      id: true,
      title: true,
      errorType: true,
      status: true,
      eventCount: true,
      lastSeenAt: true,
      trader: { select: { name: true } },
    },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: OVERVIEW_GROUPS_LIMIT,
  },
  _count: { select: { errorGroups: true } },
} as const satisfies Prisma.UserSelect;

export type AdminUserOverview = Prisma.UserGetPayload<{ select: typeof overviewSelect }>;

// Admin only: one user's traders and most recent error groups, never their secrets
// (no API keys, DSN keys or webhook secrets are selected).
export async function getAdminUserOverview({
  userId,
  targetUserId,
}: {
  userId: string;
  targetUserId: string;
}): Promise<AdminUserOverview> {
  await assertAdminUser(userId);
  const isUuid = z.guid().safeParse(targetUserId).success;
  const user = isUuid
    ? await getDb().user.findUnique({ where: { id: targetUserId }, select: overviewSelect })
    : null;
  if (!user) throw new AppError("not_found", "This user does not exist.");
  return user;
}
