import type { Candle, FilterInput } from "@/lib/filters/filter-types";
import { generateCandles } from "@/lib/market-data/generate-candles";

export type NamedFilterInput = { name: string; input: FilterInput };

export type EdgeCaseOptions = {
  symbol?: string;
  interval?: string;
  params?: FilterInput["params"];
  seed?: number;
};

const EDGE_CASE_LENGTH = 60;

function withVolume(candles: Candle[], volume: number): Candle[] {
  return candles.map((candle) => ({ ...candle, volume }));
}

function flatCandles(template: Candle[], price: number): Candle[] {
  return template.map((candle) => ({
    ...candle,
    open: price,
    high: price,
    low: price,
    close: price,
  }));
}

// One candle jumps tenfold and the next falls back: a bad tick or a squeeze.
function withSpike(candles: Candle[], at: number): Candle[] {
  return candles.map((candle, index) => {
    if (index === at) {
      const close = candle.open * 10;
      return { ...candle, close, high: close * 1.01, volume: candle.volume * 50 };
    }
    if (index === at + 1) {
      const open = candle.open * 10;
      return { ...candle, open, high: open, low: Math.min(candle.low, candle.close) };
    }
    return candle;
  });
}

// The inputs real executors eventually send and naive filters crash on. A candidate
// fix must survive all of them, so they double as the regression set for verification.
export function edgeCaseInputs(options: EdgeCaseOptions = {}): NamedFilterInput[] {
  const { symbol = "BTCUSDT", interval = "5m", params = {}, seed = 7 } = options;
  const base = generateCandles({ symbol, interval, count: EDGE_CASE_LENGTH, seed });
  const input = (candles: Candle[]): FilterInput => ({ symbol, interval, candles, params });
  const lastOpen = base[base.length - 1]?.open ?? 100;
  return [
    { name: "zero volume", input: input(withVolume(base, 0)) },
    // Exchange outages leave holes: twelve candles missing from the middle.
    { name: "gaps in time", input: input([...base.slice(0, 20), ...base.slice(32)]) },
    { name: "single candle", input: input(base.slice(-1)) },
    { name: "two candles", input: input(base.slice(-2)) },
    { name: "flat prices", input: input(flatCandles(base, lastOpen)) },
    { name: "price spike", input: input(withSpike(base, EDGE_CASE_LENGTH - 10)) },
  ];
}
