import type { Pool } from "pg";
import type { IngestPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { getPool } from "@/lib/db";
import type { EventSource } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";
import { IngestQueue } from "@/lib/ingest/ingest-queue";
import {
  type EventToInsert,
  type IngestedEvent,
  insertEvents,
  isRetryableConflict,
} from "@/lib/ingest/insert-events";
import { type PreparedEvent, prepareEvent } from "@/lib/ingest/prepare-event";
import { recordPersist } from "@/lib/metrics/record-metrics";

export type { IngestedEvent } from "@/lib/ingest/insert-events";

const queues = new WeakMap<Pool, IngestQueue>();

function queueFor(pool: Pool): IngestQueue {
  let queue = queues.get(pool);
  if (!queue) {
    queue = new IngestQueue(pool);
    queues.set(pool, queue);
  }
  return queue;
}

function rejectConflictingDuplicates(events: PreparedEvent[]): void {
  const seen = new Map<string, string>();
  for (const event of events) {
    const hash = seen.get(event.eventId);
    if (hash !== undefined && hash !== event.payloadHash) {
      throw new AppError(
        "idempotency_mismatch",
        `event_id ${event.eventId} appears twice with different payloads.`,
      );
    }
    seen.set(event.eventId, event.payloadHash);
  }
}

// A batch commits all-or-nothing: one statement in a transaction that is rolled
// back if any event fails (a foreign trader, a reused key with another payload).
async function insertBatch(pool: Pool, userId: string, items: EventToInsert[]) {
  for (let attempt = 0; ; attempt += 1) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const outcomes = await insertEvents(client, userId, items);
      const failed = outcomes.find((outcome) => !outcome.ok);
      if (failed && !failed.ok) throw failed.error;
      await client.query("COMMIT");
      return outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result] : []));
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (!isRetryableConflict(error) || attempt >= 2) throw error;
    } finally {
      client.release();
    }
  }
}

// Repeats of one event id inside a batch are stored once and answered as replays.
async function ingestBatch(
  pool: Pool,
  userId: string,
  events: PreparedEvent[],
  source: EventSource,
): Promise<IngestedEvent[]> {
  rejectConflictingDuplicates(events);
  const distinct = [...new Map(events.map((event) => [event.eventId, event])).values()];
  const stored = await insertBatch(
    pool,
    userId,
    distinct.map((event) => ({ event, source })),
  );
  const byEventId = new Map(stored.map((result) => [result.eventId, result]));
  const answered = new Set<string>();
  return events.map((event) => {
    const result = byEventId.get(event.eventId);
    if (!result) throw new Error(`No result for event ${event.eventId}.`);
    if (!answered.has(event.eventId)) {
      answered.add(event.eventId);
      return result;
    }
    return { ...result, isReplay: true, isNewGroup: false, isRegression: false };
  });
}

// Every accepted event is committed before this resolves, so the caller's 2xx is a
// durable promise: nothing acknowledged is lost, nothing replayed is stored twice.
export async function ingestErrorEvents({
  principal,
  events,
  source = "api",
  idempotencyKey,
  pool = getPool(),
}: {
  principal: IngestPrincipal;
  events: ErrorEventInput[];
  source?: EventSource;
  // From the Idempotency-Key header: only meaningful for a single event.
  idempotencyKey?: string;
  pool?: Pool;
}): Promise<IngestedEvent[]> {
  const prepared = events.map((event) =>
    prepareEvent(principal, event, events.length === 1 ? idempotencyKey : undefined),
  );
  const [single] = prepared;
  const started = performance.now();
  try {
    const results =
      prepared.length === 1 && single
        ? [await queueFor(pool).submit(principal.userId, { event: single, source })]
        : await ingestBatch(pool, principal.userId, prepared, source);
    recordPersist("success", (performance.now() - started) / 1_000, events.length);
    return results;
  } catch (error) {
    recordPersist("failure", (performance.now() - started) / 1_000, events.length);
    throw error;
  }
}
