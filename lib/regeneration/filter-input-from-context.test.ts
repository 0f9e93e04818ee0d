import { describe, expect, it } from "vitest";
import { filterInputFromContext } from "@/lib/regeneration/filter-input-from-context";

const candle = {
  openTime: 1_767_225_600_000,
  open: 1,
  high: 2,
  low: 0.5,
  close: 1.5,
  volume: 10,
  closeTime: 1_767_225_899_999,
};

describe("filterInputFromContext", () => {
  it("uses the candles the executor reported", () => {
    const result = filterInputFromContext(
      { symbol: "BTCUSDT", interval: "5m", params: { lookback: 20 }, candles: [candle] },
      { seedKey: "event-1" },
    );
    expect(result).toEqual({
      candlesSource: "event",
      input: { symbol: "BTCUSDT", interval: "5m", params: { lookback: 20 }, candles: [candle] },
    });
  });

  it("accepts ISO timestamps in reported candles", () => {
    const result = filterInputFromContext(
      {
        candles: [
          { ...candle, openTime: "2026-01-01T00:00:00Z", closeTime: "2026-01-01T00:04:59.999Z" },
        ],
      },
      { seedKey: "event-1" },
    );
    expect(result.input.candles[0]).toMatchObject({
      openTime: 1_767_225_600_000,
      closeTime: 1_767_225_899_999,
    });
  });

  it("stands in deterministic synthetic candles when none were reported, keeping symbol and params", () => {
    const context = { symbol: "DOGEUSDT", params: { period: 14 }, candles: [{ open: "bad" }] };
    const first = filterInputFromContext(context, { interval: "15m", seedKey: "event-2" });
    const second = filterInputFromContext(context, { interval: "15m", seedKey: "event-2" });
    expect(first.candlesSource).toBe("synthetic");
    expect(first.input).toMatchObject({
      symbol: "DOGEUSDT",
      interval: "15m",
      params: { period: 14 },
    });
    expect(first.input.candles).toHaveLength(250);
    expect(second).toEqual(first);
  });

  it("falls back to defaults for a missing or malformed context", () => {
    for (const context of [null, "text", { symbol: 42, interval: "weekly", params: [1] }]) {
      const { input } = filterInputFromContext(context, { interval: null, seedKey: "x" });
      expect(input).toMatchObject({ symbol: "BTCUSDT", interval: "5m", params: {} });
    }
  });
});
