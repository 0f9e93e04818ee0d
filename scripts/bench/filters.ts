// `npx tsx scripts/bench/filters.ts`: filter runs per second in the QuickJS
// sandbox, for a typical indicator filter over 100 and 500 candles, one
// runFilter call at a time and as one runFilterOnInputs batch.
// BENCH_SECONDS (default 5) is the time spent on each measurement.
import { compileFilter } from "@/lib/filters/compile-filter";
import { runFilter, runFilterOnInputs } from "@/lib/filters/run-filter";
import { syntheticInput } from "@/lib/filters/synthetic-candles";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const BATCH_SIZE = 50;

const TYPICAL_FILTER = `// RSI oversold bounce inside the lower Bollinger band, on rising volume.
export default function filter({ candles, params }) {
  const rsi = ta.rsi(candles, params.period ?? 14).at(-1);
  const { lower } = ta.bollinger(candles, 20, 2);
  const last = candles[candles.length - 1];
  const averageVolume = ta.sma(candles.map((c) => c.volume), 20).at(-1);
  const match = rsi < params.oversold && last.close <= lower.at(-1) * 1.01 && last.volume > averageVolume;
  return { match, score: 100 - rsi, note: "rsi " + rsi.toFixed(1) };
}
`;

async function measure(label: string, runsPerCall: number, call: () => Promise<unknown>) {
  await call();
  let runs = 0;
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  while (performance.now() < deadline) {
    await call();
    runs += runsPerCall;
  }
  const elapsedMs = performance.now() - started;
  const perSecond = (runs / elapsedMs) * 1_000;
  console.log(
    `${label.padEnd(44)} ${perSecond.toFixed(0).padStart(6)} runs/s  ${(elapsedMs / runs).toFixed(2)} ms/run`,
  );
}

async function main() {
  const check = await runFilter({
    code: TYPICAL_FILTER,
    input: syntheticInput(100, { params: { oversold: 30 } }),
  });
  if (!check.ok) throw new Error(`The benchmark filter failed: ${check.message}`);

  console.log(`filters: ${seconds}s per measurement`);
  await measure("compileFilter", 1, () => compileFilter(TYPICAL_FILTER));
  for (const candles of [100, 500]) {
    const input = syntheticInput(candles, { params: { oversold: 30 } });
    const batch = Array.from({ length: BATCH_SIZE }, () => input);
    await measure(`runFilter, ${candles} candles`, 1, () =>
      runFilter({ code: TYPICAL_FILTER, input }),
    );
    await measure(`runFilterOnInputs x${BATCH_SIZE}, ${candles} candles`, BATCH_SIZE, () =>
      runFilterOnInputs(TYPICAL_FILTER, batch),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
