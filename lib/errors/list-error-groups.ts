import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export const defaultErrorGroupListLimit = 100;
const maxLimit = 500;

const errorGroupListSelect = {
  id: true,
  title: true,
  errorType: true,
  status: true,
  eventCount: true,
  errorHash: true,
  firstSeenAt: true,
  lastSeenAt: true,
  trader: { select: { id: true, name: true } },
} as const;

export type ErrorGroupListItem = Awaited<ReturnType<typeof listErrorGroups>>[number];

// The owner's error groups, most recently seen first. Always tenant scoped:
// `userId` is required and part of the `where`, never optional.
export async function listErrorGroups({
  userId,
  limit = defaultErrorGroupListLimit,
}: {
  userId: string;
  limit?: number;
}) {
  // An empty id must never reach Prisma, where it could read as "no filter".
  if (!userId) throw new AppError("unauthorized", "Sign in to list error groups.");
  const take = Number.isFinite(limit)
    ? Math.min(Math.max(1, Math.trunc(limit)), maxLimit)
    : defaultErrorGroupListLimit;
  return getDb().errorGroup.findMany({
    where: { userId },
    select: errorGroupListSelect,
    // id breaks ties so the order is stable; matches the (user_id, last_seen_at, id) index.
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take,
  });
}
