import type { SentryException, SentryFrame } from "@/lib/sentry/sentry-event-schema";

export const MAX_STACK_TRACE_CHARS = 100_000;

export function describeException(exception: SentryException): string {
  const { type, value } = exception;
  if (type && value) return `${type}: ${value}`;
  return type ?? value ?? "";
}

function renderLocation(frame: SentryFrame): string {
  const file = frame.filename ?? frame.abs_path ?? frame.module ?? "<unknown>";
  const parts = [file, frame.lineno, frame.colno].filter((part) => part !== undefined);
  return parts.join(":");
}

function renderFrame(frame: SentryFrame): string {
  const location = renderLocation(frame);
  const line = frame.function ? `    at ${frame.function} (${location})` : `    at ${location}`;
  const source = frame.context_line?.trim();
  return source ? `${line}\n        ${source}` : line;
}

// Sentry lists frames oldest first; we render the most recent call first, like a
// JavaScript stack, so the failing line of the user's filter comes right after the
// message.
function renderFrames(frames: SentryFrame[] | undefined): string[] {
  return [...(frames ?? [])].reverse().map(renderFrame);
}

function truncate(trace: string): string {
  return trace.length > MAX_STACK_TRACE_CHARS
    ? `${trace.slice(0, MAX_STACK_TRACE_CHARS - 1)}…`
    : trace;
}

// Sentry lists chained exceptions cause first and the one that was raised last; the
// trace shows the raised exception first, then each cause. Without any frame there is
// no trace: a lone heading would only repeat the message.
export function renderStackTrace(
  exceptions: SentryException[],
  eventFrames: SentryFrame[] | undefined,
): string | undefined {
  if (exceptions.some((exception) => exception.stacktrace?.frames?.length)) {
    const blocks = [...exceptions].reverse().map((exception, index) => {
      const heading = describeException(exception) || "Error";
      const frames = renderFrames(exception.stacktrace?.frames);
      return [index === 0 ? heading : `Caused by: ${heading}`, ...frames].join("\n");
    });
    return truncate(blocks.join("\n"));
  }
  if (eventFrames?.length) return truncate(renderFrames(eventFrames).join("\n"));
  return undefined;
}
