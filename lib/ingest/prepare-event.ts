import { createHash, randomUUID } from "node:crypto";
import type { IngestPrincipal } from "@/lib/api-keys/authenticate-api-key";
import type { EventSource } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";
import { computeFingerprint, GROUPING_VERSION, shortErrorHash } from "@/lib/ingest/fingerprint";

export type PreparedEvent = {
  eventId: string;
  payloadHash: string;
  traderId: string;
  fingerprint: string;
  errorHash: string;
  title: string;
  occurredAt: Date;
  input: ErrorEventInput;
};

const MAX_TITLE_LENGTH = 200;

function titleOf(message: string): string {
  const firstLine = message.split("\n", 1)[0] || message;
  return firstLine.length > MAX_TITLE_LENGTH
    ? `${firstLine.slice(0, MAX_TITLE_LENGTH - 1)}…`
    : firstLine;
}

// The payload hash ignores the event id itself: it answers "is this replay the same event?".
function payloadHashOf(event: ErrorEventInput, traderId: string): string {
  const { event_id: _eventId, ...payload } = event;
  return createHash("sha256")
    .update(JSON.stringify({ ...payload, trader_id: traderId }))
    .digest("hex");
}

function resolveTraderId(principal: IngestPrincipal, event: ErrorEventInput): string {
  const traderId = event.trader_id ?? principal.traderId;
  if (!traderId) {
    throw new AppError(
      "validation_failed",
      "trader_id is required for keys not scoped to a trader.",
      [{ path: "trader_id", message: "Required" }],
    );
  }
  if (principal.traderId && principal.traderId !== traderId) {
    throw new AppError("forbidden", "This API key is scoped to another trader.");
  }
  return traderId;
}

export function prepareEvent(
  principal: IngestPrincipal,
  event: ErrorEventInput,
  idempotencyKey?: string,
): PreparedEvent {
  if (idempotencyKey && event.event_id && idempotencyKey !== event.event_id) {
    throw new AppError("validation_failed", "The Idempotency-Key header and event_id disagree.", [
      { path: "event_id", message: "Must equal the Idempotency-Key header when both are sent" },
    ]);
  }
  const traderId = resolveTraderId(principal, event);
  const fingerprint = computeFingerprint({
    traderId,
    errorType: event.error_type,
    message: event.error_message,
    stackTrace: event.stack_trace,
    clientFingerprint: event.fingerprint,
  });
  return {
    eventId: idempotencyKey ?? event.event_id ?? randomUUID(),
    payloadHash: payloadHashOf(event, traderId),
    traderId,
    fingerprint,
    errorHash: shortErrorHash(fingerprint),
    title: titleOf(event.error_message),
    occurredAt: event.occurred_at ? new Date(event.occurred_at) : new Date(),
    input: event,
  };
}

// One row of the INSERT_EVENTS_SQL input array (its column list names these keys).
export function toInsertRow(event: PreparedEvent, source: EventSource, ord: number) {
  const { input } = event;
  return {
    ord,
    trader_id: event.traderId,
    fingerprint: event.fingerprint,
    grouping_version: GROUPING_VERSION,
    error_type: input.error_type,
    title: event.title,
    error_hash: event.errorHash,
    occurred_at: event.occurredAt.toISOString(),
    idempotency_key: event.eventId,
    payload_hash: event.payloadHash,
    source,
    error_message: input.error_message,
    stack_trace: input.stack_trace ?? null,
    trigger_interval: input.trigger_interval ?? null,
    symbols_processed: input.symbols_processed ?? null,
    execution_duration_ms: input.execution_duration_ms ?? null,
    code_version_id: input.code_version_id ?? null,
    filter_code_snapshot: input.filter_code_snapshot ?? null,
    context: input.context ?? null,
  };
}
