import { describe, expect, it } from "vitest";
import { edgeCaseInputs } from "@/lib/market-data/edge-case-inputs";

function byName(name: string) {
  const found = edgeCaseInputs({ symbol: "SOLUSDT", interval: "1h", params: { period: 14 } }).find(
    (entry) => entry.name === name,
  );
  if (!found) throw new Error(`missing edge case ${name}`);
  return found.input;
}

describe("edgeCaseInputs", () => {
  it("carries the symbol, interval and params into every input", () => {
    for (const { input } of edgeCaseInputs({
      symbol: "SOLUSDT",
      interval: "1h",
      params: { a: 1 },
    })) {
      expect(input).toMatchObject({ symbol: "SOLUSDT", interval: "1h", params: { a: 1 } });
    }
  });

  it("covers zero volume, gaps, one and two candles, flat prices and a spike", () => {
    expect(byName("zero volume").candles.every((candle) => candle.volume === 0)).toBe(true);
    expect(byName("single candle").candles).toHaveLength(1);
    expect(byName("two candles").candles).toHaveLength(2);
    const flat = byName("flat prices").candles;
    expect(new Set(flat.flatMap((c) => [c.open, c.high, c.low, c.close])).size).toBe(1);

    const gaps = byName("gaps in time").candles;
    const steps = gaps.slice(1).map((candle, index) => candle.openTime - gaps[index]!.openTime);
    expect(Math.max(...steps)).toBe(13 * 3_600_000);

    const spike = byName("price spike").candles;
    const maxJump = Math.max(...spike.slice(1).map((c, index) => c.close / spike[index]!.close));
    expect(maxJump).toBeGreaterThan(5);
  });

  it("keeps high and low around open and close in every edge case", () => {
    for (const { input } of edgeCaseInputs()) {
      for (const candle of input.candles) {
        expect(candle.high).toBeGreaterThanOrEqual(Math.max(candle.open, candle.close));
        expect(candle.low).toBeLessThanOrEqual(Math.min(candle.open, candle.close));
      }
    }
  });
});
