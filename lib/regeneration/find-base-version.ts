import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Reader = Db | Prisma.TransactionClient;

// The version a fix is based on: the one that failed, when the group's latest event
// names one of this trader's versions; otherwise the active one. The fix is proposed
// as its successor.
export async function findBaseVersionId(
  db: Reader,
  { userId, groupId, traderId }: { userId: string; groupId: string; traderId: string },
): Promise<string | null> {
  const latestEvent = await db.errorEvent.findFirst({
    where: { groupId, userId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: { codeVersionId: true },
  });
  const [failedVersion, trader] = await Promise.all([
    latestEvent?.codeVersionId
      ? db.traderCodeVersion.findFirst({
          where: { id: latestEvent.codeVersionId, traderId },
          select: { id: true },
        })
      : null,
    db.trader.findFirst({ where: { id: traderId, userId }, select: { activeVersionId: true } }),
  ]);
  return failedVersion?.id ?? trader?.activeVersionId ?? null;
}
