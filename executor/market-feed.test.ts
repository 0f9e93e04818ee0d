import { describe, expect, it } from "vitest";
import { createCsvFeed, createSyntheticFeed } from "@/executor/market-feed";
import { generateCandles } from "@/lib/market-data/generate-candles";

const options = { symbols: ["BTCUSDT", "ETHUSDT"], interval: "5m", candles: 30, window: 10 };

describe("createSyntheticFeed", () => {
  it("replays the same candles for the same seed, in order, with aligned closes", () => {
    const first = [...createSyntheticFeed(options).closes()];
    const second = [...createSyntheticFeed(options).closes()];
    expect(second).toEqual(first);
    expect(first).toHaveLength(30);
    const times = first.map((close) => close.closeTime);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(30);
    for (const close of first) {
      expect(close.inputs.map((input) => input.symbol)).toEqual(["BTCUSDT", "ETHUSDT"]);
      for (const input of close.inputs) {
        expect(input.candles).toHaveLength(10);
        expect(input.candles.at(-1)?.closeTime).toBe(close.closeTime);
      }
    }
    expect(
      createSyntheticFeed({ ...options, seed: 2 })
        .closes()
        .next().value,
    ).not.toEqual(first[0]);
  });

  it("hands each filter the window ending at the closing candle, oldest first", () => {
    const all = generateCandles({ symbol: "BTCUSDT", interval: "5m", count: 39 });
    const closes = [...createSyntheticFeed(options).closes()];
    expect(closes[0]?.inputs[0]?.candles).toEqual(all.slice(0, 10));
    expect(closes[29]?.inputs[0]?.candles).toEqual(all.slice(29, 39));
  });
});

describe("createCsvFeed", () => {
  const csv = [
    "open_time,open,high,low,close,volume",
    "2026-01-01T00:00:00Z,10,11,9,10.5,100",
    "2026-01-01T00:05:00Z,10.5,12,10,11,120",
    "2026-01-01T00:10:00Z,11,11.5,10.5,11.2,90",
  ].join("\n");

  it("replays the CSV's candles with a growing window up to the window size", () => {
    const closes = [
      ...createCsvFeed(csv, { symbols: ["BTCUSDT"], interval: "5m", window: 2 }).closes(),
    ];
    expect(closes.map((close) => close.inputs[0]?.candles.map((c) => c.close))).toEqual([
      [10.5, 11],
      [11, 11.2],
    ]);
  });

  it("refuses invalid CSVs and several symbols", () => {
    expect(() =>
      createCsvFeed("open_time,open\n1,2", { symbols: ["BTCUSDT"], interval: "5m", window: 2 }),
    ).toThrow(/header is missing/);
    expect(() =>
      createCsvFeed(csv, { symbols: ["BTCUSDT", "ETHUSDT"], interval: "5m", window: 2 }),
    ).toThrow(/one symbol/);
  });
});
