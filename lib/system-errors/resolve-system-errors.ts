import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { assertAdminUser } from "@/lib/system-errors/assert-admin-user";
import { type SystemErrorRecord, systemErrorSelect } from "@/lib/system-errors/system-error-json";
import { resolutionNotesSchema } from "@/lib/system-errors/system-error-query";

export const MAX_RESOLVE_BATCH = 100;

export type ResolveSystemErrorsOptions = {
  userId: string;
  ids: string[];
  notes: string;
};

export type ResolveSystemErrorsResult = {
  resolved: SystemErrorRecord[];
  /** Resolved before this call: reported with their original resolution, left untouched. */
  alreadyResolved: SystemErrorRecord[];
  notFound: string[];
};

const idSchema = z.guid();

/**
 * Admin only: marks one or many system errors resolved with the admin's notes. The
 * `resolved_at IS NULL` guard runs in the same statement as the write, so two admins
 * resolving at once cannot overwrite each other's notes: the loser sees the row in
 * `alreadyResolved`.
 */
export async function resolveSystemErrors({
  userId,
  ids,
  notes,
}: ResolveSystemErrorsOptions): Promise<ResolveSystemErrorsResult> {
  await assertAdminUser(userId);
  const parsedNotes = resolutionNotesSchema.safeParse(notes);
  if (!parsedNotes.success) {
    const message = parsedNotes.error.issues[0]?.message ?? "The notes are not valid.";
    throw new AppError("validation_failed", "Some fields are not valid.", [
      { path: "resolution_notes", message },
    ]);
  }
  const unique = [...new Set(ids)];
  if (unique.length === 0 || unique.length > MAX_RESOLVE_BATCH) {
    throw new AppError("validation_failed", "Some fields are not valid.", [
      { path: "ids", message: `Pick between 1 and ${MAX_RESOLVE_BATCH} system errors.` },
    ]);
  }
  // A malformed id cannot exist; Postgres would reject it as a uuid.
  const validIds = unique.filter((id) => idSchema.safeParse(id).success);

  const db = getDb();
  const resolvedIds = await db.systemError.updateManyAndReturn({
    where: { id: { in: validIds }, resolvedAt: null },
    data: { resolvedAt: new Date(), resolvedById: userId, resolutionNotes: parsedNotes.data },
    select: { id: true },
  });
  const justResolved = new Set(resolvedIds.map((row) => row.id));
  const rows = await db.systemError.findMany({
    where: { id: { in: validIds } },
    select: systemErrorSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const found = new Set(rows.map((row) => row.id));
  return {
    resolved: rows.filter((row) => justResolved.has(row.id)),
    alreadyResolved: rows.filter((row) => !justResolved.has(row.id)),
    notFound: unique.filter((id) => !found.has(id)),
  };
}
