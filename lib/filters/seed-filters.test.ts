import { describe, expect, it } from "vitest";
import { type Candle, filterInputSchema, filterRunResultSchema } from "@/lib/filters/filter-types";
import { runFilter } from "@/lib/filters/run-filter";
import { syntheticCandles, syntheticInput } from "@/lib/filters/synthetic-candles";
import { demoEvents, MOMENTUM_FILTER, RSI_FILTER } from "@/prisma/demo-data";
import { SIMPLE_FILTER_CODE } from "@/tests/factories/seed-trader";

// The filters stored by the demo seed and the test factories, as users wrote them.
const flat = (count: number, close: number, volume = 1_000): Candle[] =>
  syntheticCandles(count).map((candle) => ({
    ...candle,
    open: close,
    high: close,
    low: close,
    close,
    volume,
  }));

describe("the factory filter", () => {
  it("matches a green last candle and not a red one", async () => {
    const green = { ...flat(1, 100)[0]!, open: 99, close: 101 };
    const red = { ...green, open: 101, close: 99 };
    const run = (last: Candle) =>
      runFilter({ code: SIMPLE_FILTER_CODE, input: syntheticInput(0, { candles: [last] }) });
    expect(await run(green)).toMatchObject({ ok: true, match: true });
    expect(await run(red)).toMatchObject({ ok: true, match: false });
  });
});

describe("the demo momentum filter", () => {
  const params = { lookback: 20, volumeFactor: 1.5 };

  it("matches a breakout on rising volume", async () => {
    const candles = flat(30, 100);
    const last = candles.at(-1)!;
    candles[candles.length - 1] = { ...last, high: 111, close: 110, volume: 5_000 };
    const result = await runFilter({
      code: MOMENTUM_FILTER,
      input: syntheticInput(0, { candles, params }),
    });
    expect(result).toMatchObject({ ok: true, match: true });
  });

  it("does not match a quiet market", async () => {
    const result = await runFilter({
      code: MOMENTUM_FILTER,
      input: syntheticInput(0, { candles: flat(30, 100), params }),
    });
    expect(result).toMatchObject({ ok: true, match: false });
  });

  it("fails on a breakout with too short a history, at line 9 like the seeded events", async () => {
    const candles = flat(3, 100);
    const last = candles.at(-1)!;
    candles[candles.length - 1] = { ...last, high: 111, close: 110, volume: 5_000 };
    const result = await runFilter({
      code: MOMENTUM_FILTER,
      input: syntheticInput(0, { candles, params }),
    });
    expect(result).toMatchObject({
      ok: false,
      errorType: "runtime",
      message: "TypeError: cannot read property 'close' of undefined",
      line: 9,
    });
    const seeded = demoEvents.find((event) => event.stack_trace?.startsWith("TypeError"));
    expect(seeded?.stack_trace).toContain("at filter (filter.js:9:");
  });

  it("runs on every seeded context that carries candles", async () => {
    const inputs = demoEvents
      .filter((event) => event.trader === "momentum")
      .map((event) => filterInputSchema.safeParse(event.context))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) {
      const result = await runFilter({ code: MOMENTUM_FILTER, input });
      expect(filterRunResultSchema.parse(result)).toEqual(result);
    }
  });
});

describe("the demo RSI filter", () => {
  const params = { period: 14, oversold: 30, symbol: "DOGEUSDT" };

  it("scores an oversold market", async () => {
    const candles = syntheticCandles(30).map((candle, i) => ({
      ...candle,
      close: 100 - i + (i % 3 === 0 ? 0.5 : 0),
    }));
    const result = await runFilter({
      code: RSI_FILTER,
      input: syntheticInput(0, { candles, params }),
    });
    expect(result).toMatchObject({ ok: true, match: true });
    expect(result.ok && result.score).toBeGreaterThan(70);
  });

  it("reproduces the seeded NaN error on a flat market", async () => {
    const result = await runFilter({
      code: RSI_FILTER,
      input: syntheticInput(0, { candles: flat(20, 0.08), params }),
    });
    expect(result).toMatchObject({
      ok: false,
      errorType: "runtime",
      message: "Error: RSI is NaN for DOGEUSDT",
      line: 12,
    });
  });
});
