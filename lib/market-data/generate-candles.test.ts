import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCandles } from "@/lib/market-data/generate-candles";

describe("generateCandles", () => {
  it("is deterministic for the same symbol, interval and seed", () => {
    const options = { symbol: "ETHUSDT", interval: "15m", count: 300, seed: 42, startTime: 0 };
    expect(generateCandles(options)).toEqual(generateCandles(options));
  });

  it("gives different series for another seed, symbol or interval", () => {
    const base = { symbol: "ETHUSDT", interval: "15m", count: 50, seed: 42 };
    const closes = (candles: { close: number }[]) => candles.map((candle) => candle.close);
    const reference = closes(generateCandles(base));
    expect(closes(generateCandles({ ...base, seed: 43 }))).not.toEqual(reference);
    expect(closes(generateCandles({ ...base, symbol: "SOLUSDT" }))).not.toEqual(reference);
    expect(closes(generateCandles({ ...base, interval: "1h" }))).not.toEqual(reference);
  });

  it("spaces candles by the interval from the start time", () => {
    const candles = generateCandles({
      symbol: "BTCUSDT",
      interval: "4h",
      count: 3,
      startTime: 1_000,
    });
    expect(candles.map((candle) => candle.openTime)).toEqual([1_000, 14_401_000, 28_801_000]);
    expect(candles[0]?.closeTime).toBe(14_400_999);
  });

  it("opens each candle at the previous close", () => {
    const candles = generateCandles({ symbol: "BTCUSDT", interval: "1m", count: 100 });
    for (let index = 1; index < candles.length; index += 1) {
      expect(candles[index]?.open).toBe(candles[index - 1]?.close);
    }
  });

  it("keeps OHLCV invariants for any symbol, interval and seed", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((symbol) => symbol.trim() !== ""),
        fc.constantFrom("1m", "5m", "15m", "1h", "4h", "1d", "1w"),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (symbol, interval, seed) =>
          generateCandles({ symbol, interval, count: 400, seed }).every(
            (candle) =>
              candle.high >= Math.max(candle.open, candle.close) &&
              candle.low <= Math.min(candle.open, candle.close) &&
              candle.low > 0 &&
              candle.volume >= 0 &&
              candle.closeTime > candle.openTime &&
              [candle.open, candle.high, candle.low, candle.close].every(Number.isFinite),
          ),
      ),
      { numRuns: 60 },
    );
  });

  it("rejects a bad count or interval", () => {
    expect(() => generateCandles({ symbol: "BTCUSDT", interval: "5m", count: -1 })).toThrow(
      RangeError,
    );
    expect(() => generateCandles({ symbol: "BTCUSDT", interval: "5m", count: 1.5 })).toThrow(
      RangeError,
    );
    expect(() => generateCandles({ symbol: "BTCUSDT", interval: "5x", count: 5 })).toThrow(
      /interval/,
    );
    expect(generateCandles({ symbol: "BTCUSDT", interval: "5m", count: 0 })).toEqual([]);
  });
});
