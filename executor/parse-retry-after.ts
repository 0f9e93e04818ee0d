// Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). A date in
// the past means "now"; anything unreadable is ignored so the normal backoff applies.
export function parseRetryAfterMs(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(date - now, 0);
}
