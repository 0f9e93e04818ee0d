import type { Db } from "@/lib/db";

export type ClaimedJob = {
  id: string;
  kind: string;
  payload: unknown;
  // Counts this claim: 1 on the first run.
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
};

// A job still `running` after this long is taken to belong to a worker that died
// (crash, deploy, timeout) and is handed to the next worker that polls.
export const DEFAULT_VISIBILITY_TIMEOUT_MS = 5 * 60_000;

/**
 * Locks up to `limit` due jobs for `workerId` in one statement. SKIP LOCKED lets
 * concurrent workers claim disjoint batches without waiting on each other; the row
 * lock lasts only for the statement, after which `status = 'running'` with
 * `locked_at` is the claim. Due means pending or retrying with `run_at` passed, or
 * running with a lock older than the visibility timeout.
 */
export async function claimJobs(
  db: Db,
  {
    limit,
    workerId,
    visibilityTimeoutMs = DEFAULT_VISIBILITY_TIMEOUT_MS,
  }: { limit: number; workerId: string; visibilityTimeoutMs?: number },
): Promise<ClaimedJob[]> {
  if (limit < 1) return [];
  return db.$queryRaw<ClaimedJob[]>`
    WITH due AS (
      SELECT id FROM jobs
      WHERE (status IN ('pending', 'failed') AND run_at <= now())
         OR (status = 'running' AND locked_at < now() - ${visibilityTimeoutMs}::int * interval '1 millisecond')
      ORDER BY run_at, id
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    UPDATE jobs AS j
    SET status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = j.attempts + 1
    FROM due
    WHERE j.id = due.id
    RETURNING j.id, j.kind, j.payload, j.attempts, j.max_attempts AS "maxAttempts",
      j.last_error AS "lastError"`;
}
