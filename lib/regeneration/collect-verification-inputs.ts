import type { Db } from "@/lib/db";
import type { FilterInput } from "@/lib/filters/filter-types";
import { edgeCaseInputs } from "@/lib/market-data/edge-case-inputs";
import { generateCandles } from "@/lib/market-data/generate-candles";
import type { ContextInput } from "@/lib/regeneration/filter-input-from-context";
import { filterInputFromContext } from "@/lib/regeneration/filter-input-from-context";
import type { InputSource } from "@/lib/regeneration/verification-report";

export type VerificationInput = {
  id: string;
  label: string;
  source: InputSource;
  input: FilterInput;
};

const RECENT_EVENTS_SCANNED = 50;
const MAX_RECENT_INPUTS = 4;
const SYNTHETIC_COUNT = 250;
// Fixed seeds: a candidate is judged on the same data in every round and every rerun.
const syntheticSeries = [
  { symbol: null, interval: null, seed: 11 },
  { symbol: "ETHUSDT", interval: "1h", seed: 23 },
  { symbol: "SOLUSDT", interval: "15m", seed: 37 },
] as const;

// Real inputs this trader's filter has seen: the candles other events reported.
async function recentEventInputs(
  db: Db,
  {
    userId,
    traderId,
    excludeEventId,
  }: { userId: string; traderId: string; excludeEventId: string | null },
): Promise<VerificationInput[]> {
  const events = await db.errorEvent.findMany({
    where: { userId, traderId, ...(excludeEventId ? { id: { not: excludeEventId } } : {}) },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: RECENT_EVENTS_SCANNED,
    select: { id: true, context: true, triggerInterval: true },
  });
  const seen = new Set<string>();
  const inputs: VerificationInput[] = [];
  for (const event of events) {
    const { input, candlesSource } = filterInputFromContext(event.context, {
      interval: event.triggerInterval,
      seedKey: event.id,
    });
    const key = `${input.symbol}|${input.interval}|${input.candles.at(-1)?.openTime}`;
    if (candlesSource !== "event" || seen.has(key)) continue;
    seen.add(key);
    inputs.push({
      id: `event:${event.id}`,
      label: `${input.symbol} ${input.interval} from a recent event (${input.candles.length} candles)`,
      source: "recent_event",
      input,
    });
    if (inputs.length === MAX_RECENT_INPUTS) break;
  }
  return inputs;
}

// The failing input first, then recent real inputs, synthetic markets and edge cases,
// all with the trader's params so a fix is judged on the settings it runs with.
export async function collectVerificationInputs(
  db: Db,
  options: {
    userId: string;
    traderId: string;
    failing: ContextInput;
    failingEventId: string | null;
  },
): Promise<VerificationInput[]> {
  const { symbol, interval, params } = options.failing.input;
  const synthetic = syntheticSeries.map((series): VerificationInput => {
    const seriesSymbol = series.symbol ?? symbol;
    const seriesInterval = series.interval ?? interval;
    const candles = generateCandles({
      symbol: seriesSymbol,
      interval: seriesInterval,
      count: SYNTHETIC_COUNT,
      seed: series.seed,
    });
    return {
      id: `synthetic:${seriesSymbol}:${seriesInterval}:${series.seed}`,
      label: `${seriesSymbol} ${seriesInterval}, ${SYNTHETIC_COUNT} synthetic candles`,
      source: "synthetic",
      input: { symbol: seriesSymbol, interval: seriesInterval, candles, params },
    };
  });
  const edgeCases = edgeCaseInputs({ symbol, interval, params }).map(
    ({ name, input }): VerificationInput => ({
      id: `edge:${name}`,
      label: `Edge case: ${name}`,
      source: "edge_case",
      input,
    }),
  );
  return [
    {
      id: "failing",
      label: `The failing input (${symbol} ${interval}, ${options.failing.input.candles.length} candles)`,
      source: "failing",
      input: options.failing.input,
    },
    ...(await recentEventInputs(db, {
      userId: options.userId,
      traderId: options.traderId,
      excludeEventId: options.failingEventId,
    })),
    ...synthetic,
    ...edgeCases,
  ];
}
