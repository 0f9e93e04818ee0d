import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { openErrorGroupStatuses } from "@/lib/traders/open-error-group-statuses";

export const OPEN_GROUPS_PREVIEW = 3;

export type TraderListItem = Awaited<ReturnType<typeof listTraders>>[number];

// The owner's traders with their active version, how many error groups are open and
// the most recently seen of them.
export async function listTraders({ userId }: { userId: string }) {
  if (!userId) throw new AppError("unauthorized", "Sign in to list traders.");
  const open = { status: { in: [...openErrorGroupStatuses] } };
  return getDb().trader.findMany({
    where: { userId },
    select: {
      id: true,
      name: true,
      description: true,
      state: true,
      lastErrorAt: true,
      dsnPublicKey: true,
      projectId: true,
      activeVersion: { select: { version: true, source: true, createdAt: true } },
      errorGroups: {
        where: open,
        select: { id: true, title: true, status: true },
        orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
        take: OPEN_GROUPS_PREVIEW,
      },
      _count: { select: { errorGroups: { where: open } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
