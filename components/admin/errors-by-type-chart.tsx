import { BarChartFrame } from "@/components/charts/bar-chart-frame";
import type { ErrorsPerDay } from "@/lib/system-errors/get-system-error-stats";
import { countOf } from "@/lib/utils/count-of";

const VIEW_WIDTH = 560;
const VIEW_HEIGHT = 120;
const GAP_RATIO = 0.25;
// Beyond this many types the smallest share one "other" colour, so the legend stays short.
const MAX_SERIES = 6;
const OTHER = "other";

// Colour is never the only cue: the legend names each type and the table lists counts.
const palette = [
  "fill-indigo-500 bg-indigo-500",
  "fill-rose-500 bg-rose-500",
  "fill-amber-500 bg-amber-500",
  "fill-teal-500 bg-teal-500",
  "fill-violet-500 bg-violet-500",
  "fill-sky-500 bg-sky-500",
  "fill-zinc-400 bg-zinc-400",
] as const;

const dayLabel = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

function formatDay(day: string): string {
  return dayLabel.format(new Date(`${day}T00:00:00.000Z`));
}

type Series = { key: string; label: string; total: number; colour: string };

// The largest types get their own colour; the rest are summed as "other".
function toSeries(days: readonly ErrorsPerDay[]): Series[] {
  const totals = new Map<string, number>();
  for (const day of days) {
    for (const [type, count] of Object.entries(day.counts)) {
      totals.set(type, (totals.get(type) ?? 0) + count);
    }
  }
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const ownColour = ranked.length > MAX_SERIES + 1 ? ranked.slice(0, MAX_SERIES) : ranked;
  const series = ownColour.map(([key, total], index) => ({
    key,
    label: key,
    total,
    colour: palette[index % palette.length] ?? palette[0],
  }));
  const rest = ranked.slice(ownColour.length);
  if (rest.length > 0) {
    series.push({
      key: OTHER,
      label: `${rest.length} other types`,
      total: rest.reduce((sum, [, count]) => sum + count, 0),
      colour: palette[palette.length - 1] ?? palette[0],
    });
  }
  return series;
}

function countFor(day: ErrorsPerDay, series: readonly Series[], key: string): number {
  if (key !== OTHER) return day.counts[key] ?? 0;
  const named = new Set(series.map((item) => item.key));
  return Object.entries(day.counts)
    .filter(([type]) => !named.has(type))
    .reduce((sum, [, count]) => sum + count, 0);
}

// Stacked bars, one per UTC day. The SVG is one labelled image; screen readers also get
// the days with errors as a table.
export function ErrorsByTypeChart({ days }: { days: readonly ErrorsPerDay[] }) {
  const series = toSeries(days);
  const dayTotals = days.map((day) =>
    Object.values(day.counts).reduce((sum, count) => sum + count, 0),
  );
  const total = dayTotals.reduce((sum, count) => sum + count, 0);
  const peak = Math.max(0, ...dayTotals);
  const slot = VIEW_WIDTH / Math.max(1, days.length);
  const barWidth = slot * (1 - GAP_RATIO);
  const summary = `${countOf(total, "system error")} in the last ${days.length} days${
    peak > 0 ? `, at most ${peak} per day` : ""
  }.`;
  const first = days[0];
  const last = days.at(-1);

  return (
    <figure className="flex min-w-0 flex-col gap-3" data-testid="errors-by-type-chart">
      <figcaption className="text-sm text-muted-foreground">{summary}</figcaption>
      <BarChartFrame
        label={`Stacked bar chart of system errors per day by type: ${summary}`}
        width={VIEW_WIDTH}
        height={VIEW_HEIGHT}
        className="h-32"
      >
        {days.map((day, index) => {
          let top = VIEW_HEIGHT;
          return (
            <g key={day.day} data-day={day.day} data-count={dayTotals[index]}>
              <title>{`${formatDay(day.day)}: ${countOf(dayTotals[index] ?? 0, "error")}`}</title>
              {series.map((item) => {
                const count = countFor(day, series, item.key);
                if (count === 0 || peak === 0) return null;
                // At least a sliver, so a single error stays visible next to a busy day.
                const height = Math.max(2, (count / peak) * (VIEW_HEIGHT - 4));
                top -= height;
                return (
                  <rect
                    key={item.key}
                    x={index * slot + (slot - barWidth) / 2}
                    y={top}
                    width={barWidth}
                    height={height}
                    className={item.colour}
                  />
                );
              })}
            </g>
          );
        })}
      </BarChartFrame>
      {first && last ? (
        <div aria-hidden="true" className="flex justify-between text-xs text-muted-foreground">
          <span>{formatDay(first.day)}</span>
          <span>{formatDay(last.day)} (UTC)</span>
        </div>
      ) : null}
      {series.length > 0 ? (
        <ul aria-label="Error types" className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs">
          {series.map((item) => (
            <li key={item.key} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`size-2.5 rounded-sm ${item.colour}`} />
              <span className="font-mono">{item.label}</span>
              <span className="tabular-nums text-muted-foreground">{item.total}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {/* Wrapped: a table ignores sr-only's 1px box and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>System errors per day and type, days without errors left out</caption>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Type</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {days.flatMap((day) =>
              Object.entries(day.counts)
                .sort((a, b) => b[1] - a[1])
                .map(([type, count]) => (
                  <tr key={`${day.day}-${type}`}>
                    <td>{formatDay(day.day)}</td>
                    <td>{type}</td>
                    <td>{count}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
