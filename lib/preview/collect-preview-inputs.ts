import type { Db } from "@/lib/db";
import type { FilterInput } from "@/lib/filters/filter-types";
import { generateCandles } from "@/lib/market-data/generate-candles";
import {
  collectVerificationInputs,
  type VerificationInput,
} from "@/lib/regeneration/collect-verification-inputs";

// Common USDT pairs: a fixed "market universe", so a preview can say on how many
// symbols a fix changes what the filter selects, not only whether it still runs.
export const MARKET_UNIVERSE_SYMBOLS = [
  "BTCUSDT",
  "ETHUSDT",
  "BNBUSDT",
  "SOLUSDT",
  "XRPUSDT",
  "DOGEUSDT",
  "ADAUSDT",
  "TRXUSDT",
  "AVAXUSDT",
  "LINKUSDT",
  "DOTUSDT",
  "POLUSDT",
  "LTCUSDT",
  "BCHUSDT",
  "SHIBUSDT",
  "UNIUSDT",
  "ATOMUSDT",
  "XLMUSDT",
  "ETCUSDT",
  "FILUSDT",
  "APTUSDT",
  "ARBUSDT",
  "OPUSDT",
  "NEARUSDT",
  "ICPUSDT",
  "INJUSDT",
  "SUIUSDT",
  "TONUSDT",
  "PEPEUSDT",
  "AAVEUSDT",
] as const;

// Fixed seed and length: previewing the same code twice shows the same table.
const UNIVERSE_SEED = 101;
const UNIVERSE_CANDLES = 250;

// One synthetic series per universe symbol, at the failing input's interval and with
// the trader's params, so the filter is exercised the way it runs in production.
export function marketUniverseInputs({
  interval,
  params,
}: Pick<FilterInput, "interval" | "params">): VerificationInput[] {
  return MARKET_UNIVERSE_SYMBOLS.map((symbol) => ({
    id: `universe:${symbol}:${interval}`,
    label: `${symbol} ${interval}, ${UNIVERSE_CANDLES} synthetic candles (market universe)`,
    source: "synthetic",
    input: {
      symbol,
      interval,
      candles: generateCandles({ symbol, interval, count: UNIVERSE_CANDLES, seed: UNIVERSE_SEED }),
      params,
    },
  }));
}

// Everything a verification judges (failing input first) plus the market universe.
export async function collectPreviewInputs(
  db: Db,
  options: Parameters<typeof collectVerificationInputs>[1],
): Promise<VerificationInput[]> {
  const verification = await collectVerificationInputs(db, options);
  return [...verification, ...marketUniverseInputs(options.failing.input)];
}
