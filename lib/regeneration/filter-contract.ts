// The filter contract as the model needs it (docs/filters.md is the full version).
export const FILTER_CONTRACT = `A filter is a JavaScript module (ES2023) whose default export is a function:

  export default function filter(input) { ... }

input = { symbol, interval, candles, params }
  - symbol: string, e.g. "BTCUSDT"; interval: string, e.g. "5m", "1h"
  - candles: array of { openTime, open, high, low, close, volume, closeTime }, oldest first;
    times are epoch milliseconds. The array can be short (even 1 or 2 candles), can have
    gaps in time, zero volume, flat prices (high === low) and sudden spikes.
  - params: the trader's settings object; any key may be missing.

It returns true, false, or { match: boolean, score?: number, note?: string }.
It is run once per symbol per candle close, synchronously, with a short time limit.

A global \`ta\` offers indicators over arrays of numbers or of candles (a candle stands for its
close; its high in highest, its low in lowest). Every result is aligned with its input (index i
belongs to candle i) and is NaN until enough values exist, so check the last value with
Number.isFinite before using it:
  ta.sma(source, period), ta.ema(source, period), ta.rsi(source, period = 14),
  ta.macd(source, fast = 12, slow = 26, signal = 9) -> { macd, signal, histogram },
  ta.atr(candles, period = 14), ta.bollinger(source, period = 20, multiplier = 2)
  -> { upper, middle, lower }, ta.highest(source, period), ta.lowest(source, period).
A period must be a positive integer, or ta throws.

There are no imports, no require, no network, no timers, no file system and no global
objects beyond standard JavaScript built-ins and \`ta\`.`;
