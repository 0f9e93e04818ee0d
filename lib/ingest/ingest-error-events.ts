import type { Pool, PoolClient } from "pg";
import type { IngestPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { getPool } from "@/lib/db";
import { env } from "@/lib/env";
import type { ErrorGroupStatus, EventSource } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";
import { INSERT_EVENT_SQL } from "@/lib/ingest/insert-event-sql";
import { insertEventParams, type PreparedEvent, prepareEvent } from "@/lib/ingest/prepare-event";
import { recordPersist } from "@/lib/metrics/record-metrics";

export type IngestedEvent = {
  eventId: string;
  id: string;
  groupId: string;
  errorHash: string;
  isNewGroup: boolean;
  isReplay: boolean;
  groupStatus: ErrorGroupStatus | null;
  isRegression: boolean;
};

type InsertedRow = {
  is_replay: boolean;
  payload_hash: string | null;
  id: string;
  group_id: string;
  error_hash: string;
  is_new: boolean;
  from_status: ErrorGroupStatus | null;
  to_status: ErrorGroupStatus;
};

type StoredRow = {
  idempotency_key: string;
  id: string;
  group_id: string;
  error_hash: string;
  payload_hash: string;
};

type Queryable = Pool | PoolClient;

const UNIQUE_VIOLATION = "23505";

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    error.code === UNIQUE_VIOLATION
  );
}

function asReplay(event: PreparedEvent, stored: StoredRow): IngestedEvent {
  if (stored.payload_hash !== event.payloadHash) {
    throw new AppError(
      "idempotency_mismatch",
      `event_id ${event.eventId} was already used for a different payload.`,
    );
  }
  return {
    eventId: event.eventId,
    id: stored.id,
    groupId: stored.group_id,
    errorHash: stored.error_hash,
    isNewGroup: false,
    isReplay: true,
    groupStatus: null,
    isRegression: false,
  };
}

async function findStored(
  queryable: Queryable,
  userId: string,
  keys: string[],
): Promise<Map<string, StoredRow>> {
  const { rows } = await queryable.query<StoredRow>(
    `SELECT idempotency_key, id, group_id, error_hash, payload_hash
       FROM trader_execution_errors WHERE user_id = $1::uuid AND idempotency_key = ANY($2::text[])`,
    [userId, keys],
  );
  return new Map(rows.map((row) => [row.idempotency_key, row]));
}

async function insertOne(
  queryable: Queryable,
  userId: string,
  event: PreparedEvent,
  source: EventSource,
): Promise<IngestedEvent> {
  const { rows } = await queryable.query<InsertedRow>({
    // Named, so each connection plans this large statement once instead of per event —
    // except on the embedded database, where all connections share one session and a
    // second connection preparing the same name would fail.
    name: env.EMBEDDED_DB ? undefined : "faultline-insert-event",
    text: INSERT_EVENT_SQL,
    values: insertEventParams(userId, event, source),
  });
  const [row] = rows;
  if (!row) throw new AppError("not_found", `Trader ${event.traderId} does not exist.`);
  if (row.is_replay) {
    return asReplay(event, {
      ...row,
      idempotency_key: event.eventId,
      payload_hash: row.payload_hash ?? "",
    });
  }
  return {
    eventId: event.eventId,
    id: row.id,
    groupId: row.group_id,
    errorHash: row.error_hash,
    isNewGroup: row.is_new,
    isReplay: false,
    groupStatus: row.to_status,
    isRegression: row.from_status === "resolved" && row.to_status === "regressed",
  };
}

// One event: a single statement in autocommit. A unique violation means the event
// was stored before (a replay, or a concurrent duplicate that won): answer with it.
async function ingestSingle(pool: Pool, userId: string, event: PreparedEvent, source: EventSource) {
  try {
    return [await insertOne(pool, userId, event, source)];
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const stored = (await findStored(pool, userId, [event.eventId])).get(event.eventId);
    if (!stored) throw error;
    return [asReplay(event, stored)];
  }
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

// A batch commits all-or-nothing in one transaction. Known replays are answered
// from storage; a concurrent duplicate aborts the transaction and the retry then
// finds it stored.
async function ingestBatch(
  pool: Pool,
  userId: string,
  events: PreparedEvent[],
  source: EventSource,
) {
  rejectConflictingDuplicates(events);
  for (let attempt = 0; ; attempt += 1) {
    const stored = await findStored(pool, userId, [
      ...new Set(events.map((event) => event.eventId)),
    ]);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const results: IngestedEvent[] = [];
      const insertedInBatch = new Map<string, IngestedEvent>();
      for (const event of events) {
        const previous = stored.get(event.eventId);
        const earlier = insertedInBatch.get(event.eventId);
        if (previous) results.push(asReplay(event, previous));
        else if (earlier)
          results.push({ ...earlier, isReplay: true, isNewGroup: false, isRegression: false });
        else {
          const inserted = await insertOne(client, userId, event, source);
          insertedInBatch.set(event.eventId, inserted);
          results.push(inserted);
        }
      }
      await client.query("COMMIT");
      return results;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    } finally {
      client.release();
    }
  }
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
        ? await ingestSingle(pool, principal.userId, single, source)
        : await ingestBatch(pool, principal.userId, prepared, source);
    recordPersist("success", (performance.now() - started) / 1_000, events.length);
    return results;
  } catch (error) {
    recordPersist("failure", (performance.now() - started) / 1_000, events.length);
    throw error;
  }
}
