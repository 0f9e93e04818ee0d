import { describe, expect, it } from "vitest";
import {
  MARKET_UNIVERSE_SYMBOLS,
  marketUniverseInputs,
} from "@/lib/preview/collect-preview-inputs";

describe("marketUniverseInputs", () => {
  it("gives every universe symbol one series at the failing interval with the trader's params", () => {
    const inputs = marketUniverseInputs({ interval: "1h", params: { threshold: 2 } });
    expect(inputs.map((entry) => entry.input.symbol)).toEqual([...MARKET_UNIVERSE_SYMBOLS]);
    expect(new Set(inputs.map((entry) => entry.id)).size).toBe(inputs.length);
    for (const entry of inputs) {
      expect(entry).toMatchObject({
        source: "synthetic",
        input: { interval: "1h", params: { threshold: 2 } },
      });
      expect(entry.input.candles).toHaveLength(250);
      expect(entry.input.candles[1]!.openTime - entry.input.candles[0]!.openTime).toBe(3_600_000);
    }
  });

  it("is deterministic and differs between symbols", () => {
    const first = marketUniverseInputs({ interval: "5m", params: {} });
    const second = marketUniverseInputs({ interval: "5m", params: {} });
    expect(second).toEqual(first);
    expect(first[0]!.input.candles[10]!.close).not.toBe(first[1]!.input.candles[10]!.close);
  });
});
