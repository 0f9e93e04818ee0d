import { compileFilter } from "@/lib/filters/compile-filter";
import { withFilterEngine } from "@/lib/filters/filter-engine";
import { resolveFilterLimits } from "@/lib/filters/filter-limits";
import { type FilterSource, toFilterSource } from "@/lib/filters/filter-source";
import {
  type Candle,
  type FilterInput,
  type FilterLimits,
  type FilterRunResult,
  filterInputSchema,
} from "@/lib/filters/filter-types";
import { toHostFailure } from "@/lib/filters/host-failure";
import { runInSandbox } from "@/lib/filters/sandbox-run";

// A batch runs synchronously between awaits; yielding to the event loop this
// often keeps a long batch from starving requests on the same process.
const YIELD_EVERY_MS = 50;

export async function runFilter(options: {
  code: string;
  input: FilterInput;
  limits?: Partial<FilterLimits>;
}): Promise<FilterRunResult> {
  const limits = resolveFilterLimits(options.limits);
  const input = filterInputSchema.parse(options.input);
  return runInFreshSandbox(toFilterSource(options.code), input, limits, true);
}

// The code is checked once; every input then gets its own fresh sandbox, so no
// state (module variables, globals, prototypes) leaks from one input to the next.
export async function runFilterOnInputs(
  code: string,
  inputs: readonly FilterInput[],
  limits?: Partial<FilterLimits>,
): Promise<FilterRunResult[]> {
  const resolved = resolveFilterLimits(limits);
  const parsedInputs = inputs.map((input) => filterInputSchema.parse(input));
  const compiled = await compileFilter(code, resolved);
  if (!compiled.ok) return parsedInputs.map(() => ({ ...compiled }));

  const source = toFilterSource(code);
  const results: FilterRunResult[] = [];
  let lastYield = performance.now();
  for (const input of parsedInputs) {
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
    results.push(await runInFreshSandbox(source, input, resolved, false));
  }
  return results;
}

function packCandles(candles: readonly Candle[]): Float64Array {
  const packed = new Float64Array(candles.length * 7);
  candles.forEach((candle, i) => {
    packed.set(
      [
        candle.openTime,
        candle.open,
        candle.high,
        candle.low,
        candle.close,
        candle.volume,
        candle.closeTime,
      ],
      i * 7,
    );
  });
  return packed;
}

function runInFreshSandbox(
  source: FilterSource,
  input: FilterInput,
  limits: FilterLimits,
  checkSyntax: boolean,
): Promise<FilterRunResult> {
  const nowMs = input.candles.at(-1)?.closeTime ?? 0;
  const started = performance.now();
  return withFilterEngine(
    limits.memoryBytes,
    (engine) =>
      runInSandbox(engine, {
        source,
        limits,
        checkSyntax,
        inputMeta: JSON.stringify({ ...input, candles: [] }),
        packedCandles: packCandles(input.candles),
        nowMs,
        seed: `${input.symbol}|${input.interval}|${nowMs}`,
      }),
    (error) => toHostFailure(error, source, performance.now() - started),
  );
}
