import type { Db } from "@/lib/db";

// Everything one attempt needs, read with the owner in every where.
export async function loadAttemptContext(db: Db, attemptId: string) {
  const attempt = await db.regenerationAttempt.findUnique({
    where: { id: attemptId },
    select: { id: true, userId: true, groupId: true, traderId: true, baseVersionId: true },
  });
  if (!attempt) return null;
  const { userId, groupId, traderId } = attempt;
  const [group, trader, latestEvent] = await Promise.all([
    db.errorGroup.findFirst({
      where: { id: groupId, userId, traderId },
      select: { errorType: true, title: true, eventCount: true },
    }),
    db.trader.findFirst({
      where: { id: traderId, userId },
      select: { activeVersion: { select: { id: true, version: true, code: true } } },
    }),
    db.errorEvent.findFirst({
      where: { groupId, userId },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        errorType: true,
        errorMessage: true,
        stackTrace: true,
        context: true,
        triggerInterval: true,
        codeVersionId: true,
        filterCodeSnapshot: true,
      },
    }),
  ]);
  if (!group || !trader) return null;
  const baseVersion = attempt.baseVersionId
    ? await db.traderCodeVersion.findFirst({
        where: { id: attempt.baseVersionId, traderId },
        select: { id: true, version: true, code: true },
      })
    : null;
  return { attempt, group, latestEvent, baseVersion: baseVersion ?? trader.activeVersion };
}

export type AttemptContext = NonNullable<Awaited<ReturnType<typeof loadAttemptContext>>>;

// The code that actually failed: the version the event names; else the snapshot the
// executor sent; else the version the attempt was based on.
export function resolveFailingCode(context: AttemptContext) {
  const { latestEvent, baseVersion } = context;
  if (baseVersion && latestEvent?.codeVersionId === baseVersion.id) {
    return { code: baseVersion.code, version: baseVersion.version };
  }
  if (latestEvent?.filterCodeSnapshot)
    return { code: latestEvent.filterCodeSnapshot, version: null };
  return baseVersion ? { code: baseVersion.code, version: baseVersion.version } : null;
}

export async function findPreviousVersion(
  db: Db,
  { traderId, version }: { traderId: string; version: number | null },
) {
  if (version === null) return null;
  return db.traderCodeVersion.findFirst({
    where: { traderId, version: { lt: version } },
    orderBy: { version: "desc" },
    select: { version: true, code: true },
  });
}
