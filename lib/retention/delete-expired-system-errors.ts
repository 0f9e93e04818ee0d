import type { Db } from "@/lib/db";

// One bounded batch: resolved system errors whose resolution is older than the cutoff.
// Unresolved ones are kept however old: nobody has looked at them yet.
export async function deleteExpiredSystemErrors(
  db: Db,
  { resolvedBefore, limit }: { resolvedBefore: Date; limit: number },
): Promise<number> {
  return db.$executeRaw`
    DELETE FROM system_errors
    WHERE id IN (
      SELECT id FROM system_errors
      WHERE resolved_at IS NOT NULL AND resolved_at < ${resolvedBefore.toISOString()}::timestamptz
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)`;
}
