import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import {
  countKeptErrorEvents,
  deleteExpiredErrorEvents,
} from "@/lib/retention/delete-expired-error-events";
import { deleteExpiredSystemErrors } from "@/lib/retention/delete-expired-system-errors";
import { logSystemError } from "@/lib/system-errors/log-system-error";

export type RetentionResult = {
  systemErrorsDeleted: number;
  eventsDeleted: number;
  /** Old events kept because an attempt or a deployment references them; null while a backlog remains. */
  eventsKeptReferenced: number | null;
  /** Old events kept only because they are their group's latest; null while a backlog remains. */
  eventsKeptLatest: number | null;
  /** The time budget ran out with rows possibly left to delete: run again. */
  hasMore: boolean;
};

export type RetentionOptions = {
  now?: Date;
  systemErrorDays?: number;
  eventDays?: number;
  batchSize?: number;
  /** Stop starting new batches after this long, so a backlog never outlives the function. */
  timeBudgetMs?: number;
};

const DAY_MS = 24 * 60 * 60_000;
const DEFAULT_BATCH_SIZE = 1_000;
// Well inside the cron route's maxDuration (60 s), with room for the last batch.
const DEFAULT_TIME_BUDGET_MS = 40_000;

/**
 * Deletes batch by batch until a batch comes back short (done) or the budget is spent.
 * Each batch is its own statement, so locks are held for one batch only; at least one
 * batch runs, so even a tiny budget makes progress.
 */
async function deleteInBatches(
  deleteBatch: () => Promise<number>,
  { batchSize, deadline }: { batchSize: number; deadline: number },
): Promise<{ deleted: number; hasMore: boolean }> {
  let deleted = 0;
  for (;;) {
    const count = await deleteBatch();
    deleted += count;
    if (count < batchSize) return { deleted, hasMore: false };
    if (Date.now() >= deadline) return { deleted, hasMore: true };
  }
}

/**
 * Retention: deletes resolved system errors `systemErrorDays` after their resolution
 * and error events `eventDays` after they were received, except the events an attempt
 * or a deployment references and each group's latest (see retained-event-sql.ts).
 * Group counters (event_count, first/last seen) are left alone: they count
 * occurrences, not stored rows. Idempotent; a failed run is logged as a system error.
 */
export async function runRetention({
  now = new Date(),
  systemErrorDays = env.RETENTION_SYSTEM_ERROR_DAYS,
  eventDays = env.RETENTION_EVENT_DAYS,
  batchSize = DEFAULT_BATCH_SIZE,
  timeBudgetMs = DEFAULT_TIME_BUDGET_MS,
}: RetentionOptions = {}): Promise<RetentionResult> {
  const db = getDb();
  const deadline = Date.now() + timeBudgetMs;
  const resolvedBefore = new Date(now.getTime() - systemErrorDays * DAY_MS);
  const receivedBefore = new Date(now.getTime() - eventDays * DAY_MS);
  let systemErrorsDeleted = 0;
  let eventsDeleted = 0;
  try {
    const systemErrors = await deleteInBatches(
      () => deleteExpiredSystemErrors(db, { resolvedBefore, limit: batchSize }),
      { batchSize, deadline },
    );
    systemErrorsDeleted = systemErrors.deleted;
    const events = systemErrors.hasMore
      ? { deleted: 0, hasMore: true }
      : await deleteInBatches(
          () => deleteExpiredErrorEvents(db, { receivedBefore, now, limit: batchSize }),
          { batchSize, deadline },
        );
    eventsDeleted = events.deleted;
    // With a backlog left the count would scan it all; once done, only kept rows are old.
    const kept = events.hasMore ? null : await countKeptErrorEvents(db, { receivedBefore, now });
    return {
      systemErrorsDeleted,
      eventsDeleted,
      eventsKeptReferenced: kept?.referenced ?? null,
      eventsKeptLatest: kept?.latest ?? null,
      hasMore: events.hasMore,
    };
  } catch (error) {
    await logSystemError({
      errorType: "retention_failed",
      severity: "high",
      component: "retention",
      error,
      context: { systemErrorsDeleted, eventsDeleted, systemErrorDays, eventDays, batchSize },
    });
    throw error;
  }
}
