import { AppError } from "@/lib/http/app-error";
import { parseBody } from "@/lib/http/read-json-body";
import { errorEventSchema, MAX_EVENTS_PER_BATCH } from "@/lib/ingest/error-event-schema";
import { type IngestedEvent, ingestErrorEvents } from "@/lib/ingest/ingest-error-events";
import type { DsnTrader } from "@/lib/sentry/authenticate-dsn";
import { mapSentryEvent } from "@/lib/sentry/map-sentry-event";
import { parseEnvelope, readEventPayloads } from "@/lib/sentry/parse-envelope";
import { generateSentryEventId, normalizeSentryEventId } from "@/lib/sentry/sentry-event-id";
import { sentryEventSchema } from "@/lib/sentry/sentry-event-schema";

export type SentryIngestResult = {
  // What Sentry answers: the envelope's event id (32 hex), when it has one.
  id: string | null;
  storedEvents: number;
  results: IngestedEvent[];
};

// Parses an envelope, keeps its error events and stores them for the DSN's trader
// before the caller answers 200. Event ids become idempotency keys, so an envelope
// the SDK retries is a replay rather than a duplicate.
export async function ingestSentryEnvelope({
  trader,
  body,
}: {
  trader: DsnTrader;
  body: Buffer;
}): Promise<SentryIngestResult> {
  const envelope = parseEnvelope(body);
  const headerEventId = normalizeSentryEventId(envelope.header.event_id);
  const payloads = readEventPayloads(envelope);
  if (payloads.length > MAX_EVENTS_PER_BATCH) {
    throw new AppError(
      "bad_request",
      `An envelope may carry at most ${MAX_EVENTS_PER_BATCH} events (got ${payloads.length}).`,
    );
  }
  const mapped = payloads.map((payload, index) => {
    const event = sentryEventSchema.parse(payload);
    const eventId =
      normalizeSentryEventId(event.event_id) ??
      (index === 0 ? headerEventId : null) ??
      generateSentryEventId();
    // The mapper's output is validated like any other ingest input, so a mapping bug
    // is a 422 naming the field rather than a bad row.
    return { eventId, input: parseBody(errorEventSchema, mapSentryEvent(event, eventId)) };
  });
  const results =
    mapped.length > 0
      ? await ingestErrorEvents({
          principal: { userId: trader.userId, traderId: trader.id, keyId: null },
          events: mapped.map((event) => event.input),
          source: "sentry",
        })
      : [];
  return { id: mapped[0]?.eventId ?? headerEventId, storedEvents: mapped.length, results };
}
