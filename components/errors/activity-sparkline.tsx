import { cn } from "@/lib/utils/cn";

const barWidth = 2;
const barGap = 1;
const height = 20;
// Hours with events always get a visible bar, however small against the peak.
const minBarHeight = 2;

export function describeActivity(hourlyCounts: readonly number[]): string {
  const total = hourlyCounts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return "No events in the last 24 hours";
  const peak = Math.max(...hourlyCounts);
  const events = total === 1 ? "event" : "events";
  return `${total.toLocaleString("en-US")} ${events} in the last 24 hours, at most ${peak.toLocaleString("en-US")} in one hour`;
}

// Events per hour over the last 24 h as small bars (oldest on the left). A picture for
// sighted users; the label carries the same facts for everyone else.
export function ActivitySparkline({
  hourlyCounts,
  className,
}: {
  hourlyCounts: readonly number[];
  className?: string;
}) {
  const peak = Math.max(0, ...hourlyCounts);
  const width = hourlyCounts.length * (barWidth + barGap) - barGap;
  const label = describeActivity(hourlyCounts);
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="activity-sparkline"
      width={Math.max(width, 0)}
      height={height}
      viewBox={`0 0 ${Math.max(width, 1)} ${height}`}
      className={cn("block shrink-0 overflow-visible text-rose-500 dark:text-rose-400", className)}
    >
      <title>{label}</title>
      <line
        x1={0}
        x2={width}
        y1={height - 0.5}
        y2={height - 0.5}
        className="stroke-border"
        strokeWidth={1}
      />
      {hourlyCounts.map((count, hour) => {
        if (count === 0 || peak === 0) return null;
        const barHeight = Math.max(minBarHeight, Math.round((count / peak) * height));
        return (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the bar's identity.
            key={hour}
            x={hour * (barWidth + barGap)}
            y={height - barHeight}
            width={barWidth}
            height={barHeight}
            rx={0.5}
            fill="currentColor"
          />
        );
      })}
    </svg>
  );
}
