import type { Prisma } from "@/lib/generated/prisma/client";

const MAX_CANDLES_SHOWN = 50;

type Candle = Prisma.JsonObject;

function isPlainObject(value: Prisma.JsonValue | undefined): value is Prisma.JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Candles render as a table only when they are flat records (the shape our
// executors send); anything else stays in the raw JSON below.
function readCandles(value: Prisma.JsonValue | undefined): Candle[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const candles = value.filter(isPlainObject);
  if (candles.length !== value.length) return null;
  const isFlat = candles.every((candle) =>
    Object.values(candle).every((field) => field === null || typeof field !== "object"),
  );
  return isFlat ? candles : null;
}

const timeKeys = new Set(["openTime", "closeTime", "time", "timestamp", "open_time", "close_time"]);

// jsonb stores keys in its own order; show candles the way traders read them.
const candleKeyOrder = [
  "openTime",
  "open_time",
  "time",
  "timestamp",
  "open",
  "high",
  "low",
  "close",
  "volume",
];

function orderCandleKeys(keys: string[]): string[] {
  const rank = (key: string) => {
    const index = candleKeyOrder.indexOf(key);
    return index === -1 ? candleKeyOrder.length : index;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

// Float noise (64359.311600000004) hides the price; eight decimals is plenty.
const numberFormat = new Intl.NumberFormat("en-US", {
  maximumFractionDigits: 8,
  useGrouping: false,
});

function formatCell(key: string, value: Prisma.JsonValue | undefined): string {
  if (value === undefined || value === null) return "—";
  // Epoch milliseconds are unreadable as numbers.
  if (timeKeys.has(key) && typeof value === "number" && Number.isFinite(value)) {
    return new Date(value).toISOString().replace(".000Z", "Z");
  }
  if (typeof value === "number") return numberFormat.format(value);
  return typeof value === "string" ? value : JSON.stringify(value);
}

function formatValue(value: Prisma.JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function CandlesTable({ candles }: { candles: Candle[] }) {
  const shown = candles.slice(-MAX_CANDLES_SHOWN);
  const columns = orderCandleKeys([...new Set(shown.flatMap((candle) => Object.keys(candle)))]);
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <h4 className="text-xs font-medium text-muted-foreground">
        Candles ({candles.length.toLocaleString("en-US")}
        {candles.length > shown.length ? `, last ${shown.length} shown` : ""})
      </h4>
      <section
        aria-label="Candles"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll it by keyboard (WCAG 2.1.1).
        tabIndex={0}
        className="max-h-64 overflow-auto rounded-md border border-border"
      >
        <table className="w-full border-collapse font-mono text-xs tabular-nums">
          <thead className="sticky top-0 bg-muted">
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" className="px-2 py-1 text-left font-medium">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((candle, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of an immutable snapshot.
              <tr key={index} className="border-t border-border">
                {columns.map((column) => (
                  <td key={column} className="whitespace-nowrap px-2 py-1">
                    {formatCell(column, candle[column])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

// The inputs the filter ran with (the event's `context`): symbol and interval, its
// params, the candles, then everything as raw JSON.
export function EventInputs({ context }: { context: Prisma.JsonObject | null }) {
  if (!context) {
    return <p className="text-sm text-muted-foreground">The executor sent no inputs.</p>;
  }
  const candles = readCandles(context.candles);
  const params = isPlainObject(context.params) ? context.params : null;
  const scalars = Object.entries(context).filter(
    ([key, value]) =>
      key !== "params" && key !== "candles" && (value === null || typeof value !== "object"),
  );
  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="event-inputs">
      {scalars.length > 0 ? (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          {scalars.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-muted-foreground">{key}</dt>
              <dd className="break-words font-mono">{formatValue(value ?? null)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {params ? (
        <div className="flex flex-col gap-1.5">
          <h4 className="text-xs font-medium text-muted-foreground">Params</h4>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 rounded-md border border-border px-3 py-2 text-sm">
            {Object.entries(params).map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-mono text-muted-foreground">{key}</dt>
                <dd className="break-words font-mono">{formatValue(value ?? null)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {candles ? <CandlesTable candles={candles} /> : null}
      <details className="group">
        <summary className="cursor-pointer text-xs font-medium text-link hover:underline">
          Raw JSON
        </summary>
        <pre
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll it by keyboard (WCAG 2.1.1).
          tabIndex={0}
          className="mt-2 max-h-80 overflow-auto rounded-md border border-border bg-muted/40 p-3 font-mono text-xs"
        >
          {JSON.stringify(context, null, 2)}
        </pre>
      </details>
    </div>
  );
}
