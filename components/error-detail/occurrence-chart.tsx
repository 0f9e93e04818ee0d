import { BarChartFrame } from "@/components/charts/bar-chart-frame";
import type {
  OccurrenceBucket,
  OccurrenceRange,
} from "@/lib/errors/detail/count-group-occurrences";
import { countOf } from "@/lib/utils/count-of";

const VIEW_WIDTH = 480;
const VIEW_HEIGHT = 96;
const GAP_RATIO = 0.2;

const bucketLabel: Record<OccurrenceRange, Intl.DateTimeFormat> = {
  "48h": new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }),
  "30d": new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }),
};

const rangeText: Record<OccurrenceRange, { span: string; unit: string }> = {
  "48h": { span: "the last 48 hours", unit: "hour" },
  "30d": { span: "the last 30 days", unit: "day" },
};

export function formatBucket(range: OccurrenceRange, start: Date): string {
  return `${bucketLabel[range].format(start)} UTC`;
}

// A dependency-free bar chart. The SVG is one labelled image; screen readers also get
// the non-empty buckets as a table.
export function OccurrenceChart({
  buckets,
  range,
}: {
  buckets: readonly OccurrenceBucket[];
  range: OccurrenceRange;
}) {
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const peak = Math.max(0, ...buckets.map((bucket) => bucket.count));
  const slot = VIEW_WIDTH / Math.max(1, buckets.length);
  const barWidth = slot * (1 - GAP_RATIO);
  const { span, unit } = rangeText[range];
  const summary = `${countOf(total, "event")} in ${span}${peak > 0 ? `, at most ${peak} per ${unit}` : ""}.`;
  const first = buckets[0];
  const last = buckets.at(-1);

  return (
    <figure
      className="flex min-w-0 flex-col gap-2"
      data-testid="occurrence-chart"
      data-range={range}
    >
      <figcaption className="text-sm text-muted-foreground" data-testid="occurrence-summary">
        {summary}
      </figcaption>
      <BarChartFrame
        label={`Bar chart of events per ${unit}: ${summary}`}
        width={VIEW_WIDTH}
        height={VIEW_HEIGHT}
        className="h-24 text-rose-500"
      >
        {buckets.map((bucket, index) => {
          // Non-empty buckets get at least a sliver so a single event stays visible.
          const height = peak === 0 ? 0 : Math.max(2, (bucket.count / peak) * (VIEW_HEIGHT - 4));
          return (
            <rect
              key={bucket.start.toISOString()}
              x={index * slot + (slot - barWidth) / 2}
              y={VIEW_HEIGHT - height}
              width={barWidth}
              height={height}
              rx={1}
              className="fill-current"
              data-count={bucket.count}
            >
              <title>{`${countOf(bucket.count, "event")} · ${formatBucket(range, bucket.start)}`}</title>
            </rect>
          );
        })}
      </BarChartFrame>
      {first && last ? (
        <div aria-hidden="true" className="flex justify-between text-xs text-muted-foreground">
          <span>{formatBucket(range, first.start)}</span>
          <span>{formatBucket(range, last.start)}</span>
        </div>
      ) : null}
      {/* Wrapped: a table ignores sr-only's 1px box and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>Events per {unit}, buckets with no events left out</caption>
          <thead>
            <tr>
              <th scope="col">{unit === "hour" ? "Hour" : "Day"}</th>
              <th scope="col">Events</th>
            </tr>
          </thead>
          <tbody>
            {buckets
              .filter((bucket) => bucket.count > 0)
              .map((bucket) => (
                <tr key={bucket.start.toISOString()}>
                  <td>{formatBucket(range, bucket.start)}</td>
                  <td>{bucket.count}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
