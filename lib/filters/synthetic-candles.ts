import type { Candle, FilterInput } from "@/lib/filters/filter-types";
import { generateCandles } from "@/lib/market-data/generate-candles";

// Reproducible candles from the project's synthetic market feed, for tests and
// benchmarks of the filter runtime.
export function syntheticCandles(count: number, options: { seed?: number } = {}): Candle[] {
  return generateCandles({ symbol: "BTCUSDT", interval: "5m", count, seed: options.seed ?? 1 });
}

export function syntheticInput(count: number, overrides: Partial<FilterInput> = {}): FilterInput {
  return {
    symbol: "BTCUSDT",
    interval: "5m",
    candles: syntheticCandles(count),
    params: {},
    ...overrides,
  };
}
