import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";
import { normalizeErrorMessage } from "@/lib/ingest/fingerprint";
import { inferErrorType } from "@/lib/sentry/infer-error-type";
import { describeException, renderStackTrace } from "@/lib/sentry/render-stack-trace";
import { sentryIdToUuid } from "@/lib/sentry/sentry-event-id";
import type { SentryEvent } from "@/lib/sentry/sentry-event-schema";
import { type JsonValue, trimJson } from "@/lib/sentry/trim-json";

const MAX_MESSAGE_CHARS = 10_000;
const DEFAULT_FINGERPRINT = "{{ default }}";

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function readMessage(event: SentryEvent): string | undefined {
  const { message, logentry } = event;
  const fromMessage =
    typeof message === "string" ? message : (message?.formatted ?? message?.message);
  return logentry?.formatted ?? fromMessage ?? logentry?.message;
}

function readOccurredAt(timestamp: number | string | undefined): string | undefined {
  if (timestamp === undefined) return undefined;
  // Sentry sends seconds since the epoch (with a fraction) or an RFC 3339 string.
  const date = typeof timestamp === "number" ? new Date(timestamp * 1000) : new Date(timestamp);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function readTag(event: SentryEvent, key: string): string | undefined {
  const value = event.tags?.[key];
  if (typeof value === "string") return value;
  return typeof value === "number" ? String(value) : undefined;
}

function readCount(event: SentryEvent, key: string, max: number): number | undefined {
  const text = readTag(event, key);
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const count = Number(text);
  return count <= max ? count : undefined;
}

// `{{ default }}` means "Sentry's own grouping"; ours is the error type plus the
// normalized message, so that is what it stands for. Only the default → our default.
function readFingerprint(
  event: SentryEvent,
  errorType: string,
  message: string,
): string[] | undefined {
  const parts = (event.fingerprint ?? []).filter((part) => part.trim() !== "").slice(0, 10);
  if (parts.every((part) => part === DEFAULT_FINGERPRINT)) return undefined;
  const defaultPart = `${errorType}:${normalizeErrorMessage(message)}`;
  return parts.map((part) => truncate(part === DEFAULT_FINGERPRINT ? defaultPart : part, 200));
}

function readContext(event: SentryEvent): Record<string, JsonValue> {
  const context = trimJson({
    level: event.level,
    tags: event.tags,
    contexts: event.contexts,
    release: event.release,
    environment: event.environment,
    platform: event.platform,
    sdk: event.sdk && { name: event.sdk.name, version: event.sdk.version },
    server_name: event.server_name,
    extra: event.extra,
  });
  return typeof context === "object" && context !== null && !Array.isArray(context) ? context : {};
}

// One Sentry error event → one Faultline event. `eventId` is the 32-hex Sentry id the
// caller settled on (from the event or the envelope header).
export function mapSentryEvent(event: SentryEvent, eventId: string): ErrorEventInput {
  const exceptions = event.exception?.values ?? [];
  const raised = exceptions.at(-1);
  const message =
    (raised && describeException(raised)) || readMessage(event) || "Unknown error (no message)";
  const errorType = inferErrorType(event, raised?.type);
  return {
    event_id: sentryIdToUuid(eventId),
    error_type: errorType,
    error_message: truncate(message, MAX_MESSAGE_CHARS),
    stack_trace: renderStackTrace(exceptions, event.stacktrace?.frames),
    trigger_interval: readTag(event, "trigger_interval")?.slice(0, 32),
    symbols_processed: readCount(event, "symbols_processed", 1_000_000),
    execution_duration_ms: readCount(event, "execution_duration_ms", 86_400_000),
    context: readContext(event),
    occurred_at: readOccurredAt(event.timestamp),
    fingerprint: readFingerprint(event, errorType, message),
  };
}
