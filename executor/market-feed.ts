import type { Candle, FilterInput } from "@/lib/filters/filter-types";
import { generateCandles } from "@/lib/market-data/generate-candles";
import { parseCandlesCsv } from "@/lib/market-data/parse-candles-csv";

// One candle close across every symbol: what each schedule's filter run receives.
export type CandleClose = {
  /** 0-based position in the replay. */
  index: number;
  closeTime: number;
  inputs: FilterInput[];
};

export type MarketFeed = {
  readonly symbols: readonly string[];
  readonly interval: string;
  readonly length: number;
  closes(): Generator<CandleClose>;
};

export type MarketFeedOptions = {
  symbols: readonly string[];
  interval: string;
  /** Candle closes to replay. */
  candles: number;
  /** Candles each filter run sees (the closing one and those before it). */
  window: number;
  seed?: number;
  params?: Record<string, unknown>;
};

function buildFeed(
  series: ReadonlyMap<string, readonly Candle[]>,
  options: Pick<MarketFeedOptions, "interval" | "window" | "params">,
  replayFrom: number,
): MarketFeed {
  const symbols = [...series.keys()];
  const first = series.get(symbols[0] ?? "") ?? [];
  const length = Math.max(first.length - replayFrom, 0);
  return {
    symbols,
    interval: options.interval,
    length,
    *closes() {
      for (let index = 0; index < length; index += 1) {
        const position = replayFrom + index;
        const inputs = symbols.map((symbol) => ({
          symbol,
          interval: options.interval,
          // Oldest first, ending with the candle that just closed.
          candles: (series.get(symbol) ?? []).slice(
            Math.max(position - options.window + 1, 0),
            position + 1,
          ),
          params: options.params ?? {},
        }));
        yield { index, closeTime: first[position]?.closeTime ?? 0, inputs };
      }
    },
  };
}

// The project's deterministic synthetic market: every symbol shares the start time
// and interval, so candle closes line up. Window - 1 extra candles come first so the
// very first replayed close already sees a full window.
export function createSyntheticFeed(options: MarketFeedOptions): MarketFeed {
  const history = options.window - 1;
  const series = new Map(
    options.symbols.map((symbol) => [
      symbol,
      generateCandles({
        symbol,
        interval: options.interval,
        count: options.candles + history,
        seed: options.seed,
      }),
    ]),
  );
  return buildFeed(series, options, history);
}

// An OHLCV CSV for one symbol, replayed in file order; up to window - 1 of its first
// candles are history only, as with the synthetic feed.
export function createCsvFeed(
  text: string,
  options: Omit<MarketFeedOptions, "candles" | "seed"> & { candles?: number },
): MarketFeed {
  const [symbol, ...others] = options.symbols;
  if (!symbol || others.length > 0) {
    throw new RangeError("A CSV holds one symbol's candles: pass exactly one --symbols value.");
  }
  const parsed = parseCandlesCsv(text, { interval: options.interval });
  if (!parsed.ok) {
    const lines = parsed.errors.map((error) => `line ${error.line}: ${error.message}`);
    throw new RangeError(`The CSV is not valid OHLCV:\n${lines.join("\n")}`);
  }
  const replayFrom = Math.min(options.window - 1, parsed.candles.length - 1);
  const end = options.candles === undefined ? undefined : replayFrom + options.candles;
  return buildFeed(new Map([[symbol, parsed.candles.slice(0, end)]]), options, replayFrom);
}
