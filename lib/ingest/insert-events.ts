import type { Pool, PoolClient } from "pg";
import { env } from "@/lib/env";
import type { ErrorGroupStatus, EventSource } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import { INSERT_EVENTS_SQL } from "@/lib/ingest/insert-events-sql";
import { type PreparedEvent, toInsertRow } from "@/lib/ingest/prepare-event";

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

export type EventToInsert = { event: PreparedEvent; source: EventSource };

type ResultRow = {
  ord: number;
  is_replay: boolean;
  id: string;
  group_id: string;
  error_hash: string;
  payload_hash: string | null;
  is_first_of_group: boolean;
  is_new: boolean;
  from_status: ErrorGroupStatus | null;
  to_status: ErrorGroupStatus | null;
};

const UNIQUE_VIOLATION = "23505";
const DEADLOCK_DETECTED = "40P01";

// A concurrent statement stored one of our keys first, or locked our groups in
// another order: nothing of this statement was written, so it can be re-run.
export function isRetryableConflict(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    (error.code === UNIQUE_VIOLATION || error.code === DEADLOCK_DETECTED)
  );
}

function toResult(event: PreparedEvent, row: ResultRow): IngestedEvent {
  if (row.is_replay && row.payload_hash !== event.payloadHash) {
    throw new AppError(
      "idempotency_mismatch",
      `event_id ${event.eventId} was already used for a different payload.`,
    );
  }
  const isFirst = !row.is_replay && row.is_first_of_group;
  return {
    eventId: event.eventId,
    id: row.id,
    groupId: row.group_id,
    errorHash: row.error_hash,
    isNewGroup: isFirst && row.is_new,
    isReplay: row.is_replay,
    groupStatus: row.to_status,
    isRegression: isFirst && row.from_status === "resolved" && row.to_status === "regressed",
  };
}

export type InsertOutcome = { ok: true; result: IngestedEvent } | { ok: false; error: AppError };

function notOwnedTrader(event: PreparedEvent): AppError {
  return new AppError("not_found", `Trader ${event.traderId} does not exist.`);
}

// One statement for all `items` (their event ids must be distinct). Each item gets
// its own outcome, so a caller can fail one request without failing its neighbours.
export async function insertEvents(
  queryable: Pool | PoolClient,
  userId: string,
  items: readonly EventToInsert[],
): Promise<InsertOutcome[]> {
  const rows = items.map(({ event, source }, ord) => toInsertRow(event, source, ord));
  const { rows: results } = await queryable.query<ResultRow>({
    // Named, so each connection plans this large statement once — except on the
    // embedded database, whose connections share one session (names would collide).
    name: env.EMBEDDED_DB ? undefined : "faultline-insert-events",
    text: INSERT_EVENTS_SQL,
    values: [userId, JSON.stringify(rows)],
  });
  const byOrd = new Map(results.map((row) => [row.ord, row]));
  return items.map(({ event }, ord): InsertOutcome => {
    const row = byOrd.get(ord);
    if (!row) return { ok: false, error: notOwnedTrader(event) };
    try {
      return { ok: true, result: toResult(event, row) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error };
      throw error;
    }
  });
}
