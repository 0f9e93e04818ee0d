const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * Exponential backoff with "equal jitter": attempt 1 waits 15–30 s, each further
 * attempt doubles, capped at an hour. The random half spreads retries of jobs that
 * failed together (a provider outage) so they do not all come back at once.
 */
export function computeRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
