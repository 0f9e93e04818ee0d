import { getDb } from "@/lib/db";
import { getErrorGroupOrThrow } from "@/lib/errors/query/get-error-group-or-throw";
import {
  type ContextInput,
  filterInputFromContext,
} from "@/lib/regeneration/filter-input-from-context";
import { findBaseVersionId } from "@/lib/regeneration/find-base-version";

export type FixBaseCode = {
  label: string;
  versionId: string | null;
  version: number | null;
  code: string;
};

export type FixBase = {
  groupId: string;
  traderId: string;
  /** The code a fix replaces; null when the trader has no version and no snapshot was sent. */
  old: FixBaseCode | null;
  /** The input the filter failed on, rebuilt exactly as an AI attempt rebuilds it. */
  failing: ContextInput;
  failingEventId: string | null;
};

// What a human-edited fix is compared with, tenant-scoped through the group: another
// user's group is not_found before anything else is read.
export async function loadFixBase({
  userId,
  groupId,
}: {
  userId: string;
  groupId: string;
}): Promise<FixBase> {
  const group = await getErrorGroupOrThrow({ id: groupId, userId });
  const { traderId } = group;
  const db = getDb();
  const [baseVersionId, latestEvent] = await Promise.all([
    findBaseVersionId(db, { userId, groupId, traderId }),
    db.errorEvent.findFirst({
      where: { groupId, userId },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: { id: true, context: true, triggerInterval: true, filterCodeSnapshot: true },
    }),
  ]);
  const version = baseVersionId
    ? await db.traderCodeVersion.findFirst({
        where: { id: baseVersionId, traderId },
        select: { id: true, version: true, code: true },
      })
    : null;
  const snapshot = latestEvent?.filterCodeSnapshot?.trim() ? latestEvent.filterCodeSnapshot : null;
  const old: FixBaseCode | null = version
    ? {
        label: `Version ${version.version}`,
        versionId: version.id,
        version: version.version,
        code: version.code,
      }
    : snapshot
      ? { label: "Code from the failing event", versionId: null, version: null, code: snapshot }
      : null;
  const failing = filterInputFromContext(latestEvent?.context ?? null, {
    interval: latestEvent?.triggerInterval,
    seedKey: latestEvent?.id ?? groupId,
  });
  return { groupId, traderId, old, failing, failingEventId: latestEvent?.id ?? null };
}
