import fc from "fast-check";
import { expect, it } from "vitest";
import { createIndicators } from "@/lib/filters/indicators";
import { runFilter } from "@/lib/filters/run-filter";
import { syntheticInput } from "@/lib/filters/synthetic-candles";

// The sandbox evaluates the source text of the very function indicators.test.ts
// checks by hand; this proves the text behaves identically in there.
const computeAll = `(ta, candles, values, period) => {
  const encode = (series) => series.map((value) => (Number.isNaN(value) ? "NaN" : value));
  const macd = ta.macd(values, period, period + 2, period);
  const bands = ta.bollinger(values, period, 1.5);
  return {
    sma: encode(ta.sma(values, period)),
    ema: encode(ta.ema(values, period)),
    rsi: encode(ta.rsi(values, period)),
    macd: [macd.macd, macd.signal, macd.histogram].map(encode),
    bollinger: [bands.upper, bands.middle, bands.lower].map(encode),
    atr: encode(ta.atr(candles, period)),
    highest: encode(ta.highest(candles, period)),
    lowest: encode(ta.lowest(values, period)),
  };
}`;

const hostComputeAll = new Function(`return ${computeAll}`)() as (
  ta: ReturnType<typeof createIndicators>,
  candles: unknown,
  values: number[],
  period: number,
) => unknown;

it("computes the same series inside the sandbox as on the host", async () => {
  const ta = createIndicators();
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 40 }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 0, max: 40 }),
      async (values, period, candleCount) => {
        const input = syntheticInput(candleCount, { params: { values, period } });
        const result = await runFilter({
          code: `export default ({ candles, params }) => ({
  match: true,
  note: JSON.stringify((${computeAll})(ta, candles, params.values, params.period)),
});`,
          input,
        });
        if (!result.ok) throw new Error(result.message);
        const expected = hostComputeAll(ta, input.candles, values, period);
        expect(JSON.parse(result.note ?? "null")).toEqual(JSON.parse(JSON.stringify(expected)));
      },
    ),
    { numRuns: 40 },
  );
});
