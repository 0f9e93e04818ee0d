import type { Candle, FilterInput } from "@/lib/filters/filter-types";

const FIVE_MINUTES = 5 * 60_000;

// A reproducible random walk, for tests and benchmarks that need realistic candles.
export function syntheticCandles(
  count: number,
  options: { seed?: number; startPrice?: number; startTime?: number; intervalMs?: number } = {},
): Candle[] {
  const intervalMs = options.intervalMs ?? FIVE_MINUTES;
  const startTime = options.startTime ?? Date.UTC(2026, 0, 5, 9, 0);
  let state = options.seed ?? 1;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  let close = options.startPrice ?? 100;
  return Array.from({ length: count }, (_, i) => {
    const open = close;
    close = Math.max(0.01, open * (1 + (next() - 0.5) * 0.02));
    const openTime = startTime + i * intervalMs;
    return {
      openTime,
      open,
      high: Math.max(open, close) * (1 + next() * 0.005),
      low: Math.min(open, close) * (1 - next() * 0.005),
      close,
      volume: Math.round(500 + next() * 1_500),
      closeTime: openTime + intervalMs - 1,
    };
  });
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
