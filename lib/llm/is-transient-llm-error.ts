import { APICallError } from "ai";
import { TaskCancelledError } from "cockatiel";

const transientStatuses = new Set([408, 409, 429]);

// Failures that say nothing about our request: rate limits, provider outages,
// dropped connections and our own per-call timeout. Only these are retried and
// counted by the circuit breaker; a 400 or 401 would fail the same way again.
export function isTransientLlmError(error: unknown): boolean {
  if (error instanceof TaskCancelledError) return true;
  if (!APICallError.isInstance(error)) return false;
  const status = error.statusCode;
  if (status === undefined) return error.isRetryable;
  return transientStatuses.has(status) || status >= 500;
}

// Honours Retry-After (seconds or an HTTP date) so a 429 waits as long as asked.
export function readRetryAfterMs(error: unknown): number | undefined {
  if (!APICallError.isInstance(error)) return undefined;
  const headers = error.responseHeaders ?? {};
  const milliseconds = Number(headers["retry-after-ms"]);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const retryAfter = headers["retry-after"];
  if (!retryAfter) return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return Math.max(seconds * 1_000, 0);
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(date - Date.now(), 0);
}
