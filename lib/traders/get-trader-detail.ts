import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { getTraderOrThrow } from "@/lib/traders/get-trader-or-throw";
import { openErrorGroupStatuses } from "@/lib/traders/open-error-group-statuses";

export const TRADER_GROUPS_LIMIT = 50;

export type TraderDetail = Awaited<ReturnType<typeof getTraderDetail>>;

// One trader with its active version and its error groups (most recently seen first).
// Tenant scoped: the loader answers not_found for anyone but the owner.
export async function getTraderDetail({ id, userId }: { id: string; userId: string }) {
  const { id: traderId } = await getTraderOrThrow({ id, userId });
  const db = getDb();
  const open = { status: { in: [...openErrorGroupStatuses] } };
  const [trader, openGroupCount] = await Promise.all([
    db.trader.findFirst({
      where: { id: traderId, userId },
      select: {
        id: true,
        name: true,
        description: true,
        state: true,
        autoRollback: true,
        lastErrorAt: true,
        dsnPublicKey: true,
        projectId: true,
        createdAt: true,
        activeVersion: { select: { id: true, version: true, source: true, createdAt: true } },
        errorGroups: {
          select: {
            id: true,
            title: true,
            status: true,
            errorType: true,
            eventCount: true,
            lastSeenAt: true,
          },
          orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
          take: TRADER_GROUPS_LIMIT,
        },
        _count: { select: { errorGroups: true } },
      },
    }),
    db.errorGroup.count({ where: { traderId, userId, ...open } }),
  ]);
  // Deleted between the two reads.
  if (!trader) throw new AppError("not_found", "This trader does not exist.");
  return { ...trader, openGroupCount };
}
