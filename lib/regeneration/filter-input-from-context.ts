import { z } from "zod";
import type { Candle, FilterInput } from "@/lib/filters/filter-types";
import { generateCandles } from "@/lib/market-data/generate-candles";
import { hashToSeed } from "@/lib/market-data/seeded-random";

export type ContextInput = {
  input: FilterInput;
  /** "event": the executor reported the candles; "synthetic": we generated them. */
  candlesSource: "event" | "synthetic";
};

const SYNTHETIC_CANDLE_COUNT = 250;
const DEFAULT_SYMBOL = "BTCUSDT";
const DEFAULT_INTERVAL = "5m";

const timeSchema = z.union([
  z.number().int(),
  z.iso.datetime({ offset: true }).transform((value) => Date.parse(value)),
]);

const candleSchema = z.object({
  openTime: timeSchema,
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volume: z.number(),
  closeTime: timeSchema,
});

// Each part is read on its own: an event with a malformed candle list still
// tells us the symbol and the params.
const intervalSchema = z.string().regex(/^\d{1,4}[mhdw]$/);

const contextSchema = z.object({
  symbol: z.string().min(1).max(64).optional().catch(undefined),
  interval: intervalSchema.optional().catch(undefined),
  params: z.record(z.string(), z.json()).optional().catch(undefined),
  candles: z.array(candleSchema).min(1).max(20_000).optional().catch(undefined),
});

// The input the filter saw when it failed, rebuilt from the event's context. When
// the executor did not report candles, a deterministic synthetic series stands in.
export function filterInputFromContext(
  context: unknown,
  fallback: { interval?: string | null; seedKey: string },
): ContextInput {
  const parsed = contextSchema.safeParse(context);
  const data = parsed.success ? parsed.data : {};
  const symbol = data.symbol ?? DEFAULT_SYMBOL;
  const interval =
    data.interval ?? intervalSchema.safeParse(fallback.interval).data ?? DEFAULT_INTERVAL;
  const params = data.params ?? {};
  if (data.candles) {
    const candles: Candle[] = data.candles;
    return { input: { symbol, interval, candles, params }, candlesSource: "event" };
  }
  const candles = generateCandles({
    symbol,
    interval,
    count: SYNTHETIC_CANDLE_COUNT,
    seed: hashToSeed(fallback.seedKey),
  });
  return { input: { symbol, interval, candles, params }, candlesSource: "synthetic" };
}
