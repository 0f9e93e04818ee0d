type Unit = { seconds: number; one: string; many: string };

const units: readonly Unit[] = [
  { seconds: 365 * 24 * 60 * 60, one: "yr", many: "yr" },
  { seconds: 30 * 24 * 60 * 60, one: "mo", many: "mo" },
  { seconds: 7 * 24 * 60 * 60, one: "wk", many: "wk" },
  { seconds: 24 * 60 * 60, one: "day", many: "days" },
  { seconds: 60 * 60, one: "hr", many: "hr" },
  { seconds: 60, one: "min", many: "min" },
];

// "just now", "5 min ago", "in 2 hr": coarse and compact on purpose for dense
// tables; the exact time is always available on hover (see RelativeTime).
export function formatRelativeTime(date: Date, now: number): string {
  const diffSeconds = Math.round((date.getTime() - now) / 1000);
  const distance = Math.abs(diffSeconds);
  if (distance < 45) return "just now";
  const unit = units.find((candidate) => distance >= candidate.seconds) ?? units[units.length - 1]!;
  const count = Math.max(1, Math.round(distance / unit.seconds));
  const label = `${count} ${count === 1 ? unit.one : unit.many}`;
  return diffSeconds < 0 ? `${label} ago` : `in ${label}`;
}

export function formatAbsoluteTime(date: Date): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "long" }).format(
    date,
  );
}
