const DAY_MS = 86_400_000;

export type DigestWindow = {
  // The UTC day the digest is sent on, YYYY-MM-DD: part of its dedupe key.
  day: string;
  // Notifications created in [start, end) belong to this digest; end is its send time.
  start: Date;
  end: Date;
};

export function getDigestWindow(day: string, hourUtc: number): DigestWindow {
  const end = new Date(`${day}T${String(hourUtc).padStart(2, "0")}:00:00.000Z`);
  if (Number.isNaN(end.getTime())) throw new RangeError(`Not a day: ${day}`);
  return { day, start: new Date(end.getTime() - DAY_MS), end };
}

// The most recent digest whose send time has come: today's from DIGEST_HOUR_UTC on,
// yesterday's before it.
export function getLatestDigestWindow(now: Date, hourUtc: number): DigestWindow {
  const today = getDigestWindow(now.toISOString().slice(0, 10), hourUtc);
  if (now.getTime() >= today.end.getTime()) return today;
  const yesterday = new Date(today.end.getTime() - DAY_MS).toISOString().slice(0, 10);
  return getDigestWindow(yesterday, hourUtc);
}
