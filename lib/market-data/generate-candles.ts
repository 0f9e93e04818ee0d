import type { Candle } from "@/lib/filters/filter-types";
import { intervalToMs } from "@/lib/market-data/interval-ms";
import {
  createSeededRandom,
  hashToSeed,
  nextGaussian,
  type RandomSource,
} from "@/lib/market-data/seeded-random";

export type GenerateCandlesOptions = {
  symbol: string;
  interval: string;
  count: number;
  seed?: number;
  /** Open time of the first candle, epoch ms. */
  startTime?: number;
};

const MAX_GENERATED_CANDLES = 50_000;
// A fixed default keeps output independent of the clock.
const DEFAULT_START_TIME = Date.UTC(2026, 0, 1);

type Regime = { drift: number; volatility: number };

// Calm, up-trend, down-trend and turbulent markets: filters meet all of them in production.
const regimes: readonly Regime[] = [
  { drift: 0, volatility: 0.002 },
  { drift: 0.0008, volatility: 0.004 },
  { drift: -0.0008, volatility: 0.004 },
  { drift: 0, volatility: 0.012 },
];
const REGIME_SWITCH_PROBABILITY = 0.03;
const FIVE_MINUTES_MS = 300_000;

function pickRegime(random: RandomSource): Regime {
  return regimes[Math.floor(random() * regimes.length)] ?? regimes[0]!;
}

// Enough decimals for cheap coins, few for expensive ones, like exchange tick sizes.
function priceDecimals(price: number): number {
  return Math.min(8, Math.max(2, 7 - Math.floor(Math.log10(price))));
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function validateOptions({ symbol, count, startTime }: GenerateCandlesOptions): void {
  if (symbol.trim() === "") throw new RangeError("symbol must not be empty.");
  if (!Number.isInteger(count) || count < 0 || count > MAX_GENERATED_CANDLES) {
    throw new RangeError(`count must be an integer between 0 and ${MAX_GENERATED_CANDLES}.`);
  }
  if (startTime !== undefined && !Number.isSafeInteger(startTime)) {
    throw new RangeError("startTime must be an integer epoch in milliseconds.");
  }
}

// A geometric random walk with Markov regime switches. Deterministic in
// (symbol, interval, seed): verification and the reference executor replay it exactly.
export function generateCandles(options: GenerateCandlesOptions): Candle[] {
  validateOptions(options);
  const { symbol, interval, count, seed = 1, startTime = DEFAULT_START_TIME } = options;
  const stepMs = intervalToMs(interval);
  const random = createSeededRandom(hashToSeed(`${symbol}|${interval}`, seed));
  // Per-symbol scale: the same symbol always trades around the same price and volume.
  const symbolHash = hashToSeed(symbol);
  const startPrice = 10 ** ((symbolHash % 5_000) / 1_000);
  const baseVolume = 100 + (symbolHash % 9_900);
  const decimals = priceDecimals(startPrice);
  const minPrice = 10 ** -decimals * 100;
  const intervalScale = Math.min(Math.sqrt(stepMs / FIVE_MINUTES_MS), 20);

  const candles: Candle[] = [];
  let regime = pickRegime(random);
  let previousClose = roundTo(startPrice, decimals);
  for (let index = 0; index < count; index += 1) {
    if (random() < REGIME_SWITCH_PROBABILITY) regime = pickRegime(random);
    const volatility = regime.volatility * intervalScale;
    const logReturn = regime.drift * intervalScale + volatility * nextGaussian(random);
    const open = previousClose;
    // Reflect at a floor so a long down-trend never rounds a price to zero.
    const close = Math.max(roundTo(open * Math.exp(logReturn), decimals), minPrice);
    const upperWick = Math.min(Math.abs(nextGaussian(random)) * volatility * 0.5, 0.5);
    const lowerWick = Math.min(Math.abs(nextGaussian(random)) * volatility * 0.5, 0.5);
    const openTime = startTime + index * stepMs;
    candles.push({
      openTime,
      open,
      high: roundTo(Math.max(open, close) * (1 + upperWick), decimals),
      low: roundTo(Math.min(open, close) * (1 - lowerWick), decimals),
      close,
      volume: roundTo(
        baseVolume * Math.exp(0.5 * nextGaussian(random)) * (1 + 20 * Math.abs(logReturn)),
        3,
      ),
      closeTime: openTime + stepMs - 1,
    });
    previousClose = close;
  }
  return candles;
}
