import fc from "fast-check";
import { expect, it } from "vitest";
import { filterRunResultSchema } from "@/lib/filters/filter-types";
import { runFilter, runFilterOnInputs } from "@/lib/filters/run-filter";
import { MOMENTUM_FILTER, RSI_FILTER } from "@/prisma/demo-data";
import { SIMPLE_FILTER_CODE } from "@/tests/factories/seed-trader";

const INDICATOR_FILTER = `export default function filter({ candles, params }) {
  const period = params.period ?? 14;
  const rsi = ta.rsi(candles, period).at(-1);
  const { histogram } = ta.macd(candles);
  const { lower } = ta.bollinger(candles, 20, 2);
  const atr = ta.atr(candles, period).at(-1);
  const breakout = candles.at(-1).close > ta.highest(candles, 20).at(-2);
  return { match: rsi < 30 || breakout, score: Number.isFinite(atr) ? atr : undefined, note: String(histogram.at(-1)) + " " + lower.at(-1) };
}`;

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const candle = fc.record({
  openTime: finite,
  open: finite,
  high: finite,
  low: finite,
  close: finite,
  volume: finite,
  closeTime: finite,
});
const filterInput = fc.record({
  symbol: fc.string({ maxLength: 12 }),
  interval: fc.constantFrom("1m", "5m", "1h", ""),
  candles: fc.array(candle, { maxLength: 60 }),
  params: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 4,
  }),
});
const withKnownParams = fc
  .tuple(filterInput, fc.integer({ min: -50, max: 200 }))
  .map(([input, period]) => ({
    ...input,
    params: { ...input.params, period, lookback: period, volumeFactor: 1.5, oversold: 30 },
  }));

it("returns a FilterRunResult for any candles, never throwing", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(SIMPLE_FILTER_CODE, MOMENTUM_FILTER, RSI_FILTER, INDICATOR_FILTER),
      fc.oneof(filterInput, withKnownParams),
      async (code, input) => {
        const result = await runFilter({ code, input, limits: { timeoutMs: 50 } });
        expect(filterRunResultSchema.parse(result)).toEqual(result);
      },
    ),
    { numRuns: 150 },
  );
  expect(
    await runFilter({
      code: "export default () => true;",
      input: { symbol: "X", interval: "1m", candles: [], params: {} },
    }),
  ).toMatchObject({ ok: true });
});

it("returns one result per input for any batch", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(withKnownParams, { maxLength: 5 }), async (inputs) => {
      const results = await runFilterOnInputs(INDICATOR_FILTER, inputs, { timeoutMs: 50 });
      expect(results).toHaveLength(inputs.length);
      for (const result of results) expect(filterRunResultSchema.parse(result)).toEqual(result);
    }),
    { numRuns: 20 },
  );
});
