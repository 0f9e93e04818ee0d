import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAdminUser } from "@/lib/system-errors/assert-admin-user";

// Faultline is run by one team: a few hundred accounts at most, so one page suffices.
export const ADMIN_USERS_LIMIT = 500;

const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  _count: { select: { traders: true, errorGroups: true } },
} as const satisfies Prisma.UserSelect;

export type AdminUserRow = Prisma.UserGetPayload<{ select: typeof adminUserSelect }>;

// Admin only: every account, admins first, then newest.
export async function listAdminUsers({ userId }: { userId: string }): Promise<{
  users: AdminUserRow[];
  isTruncated: boolean;
}> {
  await assertAdminUser(userId);
  const rows = await getDb().user.findMany({
    select: adminUserSelect,
    orderBy: [{ role: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: ADMIN_USERS_LIMIT + 1,
  });
  return { users: rows.slice(0, ADMIN_USERS_LIMIT), isTruncated: rows.length > ADMIN_USERS_LIMIT };
}
