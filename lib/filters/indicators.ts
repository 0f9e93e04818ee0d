export type IndicatorCandle = { high: number; low: number; close: number };
export type IndicatorSource = readonly number[] | readonly IndicatorCandle[];
export type MacdSeries = { macd: number[]; signal: number[]; histogram: number[] };
export type BollingerSeries = { upper: number[]; middle: number[]; lower: number[] };

// The `ta` helper that filters get. This one function is both the host
// implementation (unit-tested directly) and the sandbox one: its source text is
// evaluated inside QuickJS (see sandbox-source.ts), so it must stay
// self-contained — no imports, no references to anything outside its body.
// Every series is aligned with its input (index i ↔ candle i) and holds NaN
// until enough values exist; candles stand for their close (high for
// `highest`, low for `lowest`).
export function createIndicators() {
  type Field = "high" | "low" | "close";

  function toSeries(name: string, source: unknown, field: Field, candlesOnly = false): number[] {
    const expected = candlesOnly ? "candles" : "numbers or candles";
    const itemKind = candlesOnly ? "a candle" : "a number or a candle";
    if (!Array.isArray(source)) throw new TypeError(`ta.${name}: expected an array of ${expected}`);
    const items: readonly unknown[] = source;
    const series: number[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const isCandle = typeof item === "object" && item !== null;
      const value = isCandle ? (item as Record<string, unknown>)[field] : item;
      if (typeof value !== "number" || (candlesOnly && !isCandle)) {
        throw new TypeError(`ta.${name}: item ${i} is not ${itemKind}`);
      }
      series[i] = value;
    }
    return series;
  }

  function checkPeriod(name: string, value: unknown, label = "period"): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      throw new RangeError(`ta.${name}: ${label} must be a positive integer, got ${String(value)}`);
    }
    return value;
  }

  function emptySeries(length: number): number[] {
    return new Array(length).fill(Number.NaN);
  }

  // Leading NaNs (another indicator's warm-up) are skipped, so ema(macdLine, 9) works.
  function firstNumberIndex(values: readonly number[]): number {
    let index = 0;
    while (index < values.length && Number.isNaN(values[index])) index++;
    return index;
  }

  // Window statistics are recomputed per window (no slices: allocation is
  // what costs most in the sandbox): a NaN only spoils the windows that
  // contain it, and no floating-point drift accumulates.
  function rolling(
    values: readonly number[],
    period: number,
    reduce: (start: number, end: number) => number,
  ): number[] {
    const out = emptySeries(values.length);
    for (let end = period; end <= values.length; end++) out[end - 1] = reduce(end - period, end);
    return out;
  }

  function meanOf(values: readonly number[], start: number, end: number): number {
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i] as number;
    return sum / (end - start);
  }

  function emaOf(values: readonly number[], period: number): number[] {
    const out = emptySeries(values.length);
    const start = firstNumberIndex(values);
    const seedEnd = start + period - 1;
    if (seedEnd >= values.length) return out;
    const alpha = 2 / (period + 1);
    let previous = meanOf(values, start, seedEnd + 1);
    out[seedEnd] = previous;
    for (let i = seedEnd + 1; i < values.length; i++) {
      previous = alpha * (values[i] as number) + (1 - alpha) * previous;
      out[i] = previous;
    }
    return out;
  }

  function sma(source: IndicatorSource, period: number): number[] {
    const length = checkPeriod("sma", period);
    const values = toSeries("sma", source, "close");
    return rolling(values, length, (start, end) => meanOf(values, start, end));
  }

  function ema(source: IndicatorSource, period: number): number[] {
    const length = checkPeriod("ema", period);
    return emaOf(toSeries("ema", source, "close"), length);
  }

  // Wilder's RSI: simple averages over the first `period` changes, then
  // Wilder smoothing. No losses at all gives 100; a flat series gives 50.
  function rsi(source: IndicatorSource, period = 14): number[] {
    const length = checkPeriod("rsi", period);
    const values = toSeries("rsi", source, "close");
    const out = emptySeries(values.length);
    const start = firstNumberIndex(values);
    if (start + length >= values.length) return out;
    let gain = 0;
    let loss = 0;
    for (let i = start + 1; i <= start + length; i++) {
      const change = (values[i] as number) - (values[i - 1] as number);
      if (change > 0) gain += change;
      else loss -= change;
    }
    gain /= length;
    loss /= length;
    const toRsi = () => (loss === 0 ? (gain === 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss));
    out[start + length] = toRsi();
    for (let i = start + length + 1; i < values.length; i++) {
      const change = (values[i] as number) - (values[i - 1] as number);
      gain = (gain * (length - 1) + Math.max(change, 0)) / length;
      loss = (loss * (length - 1) + Math.max(-change, 0)) / length;
      out[i] = toRsi();
    }
    return out;
  }

  function macd(source: IndicatorSource, fast = 12, slow = 26, signal = 9): MacdSeries {
    const fastLength = checkPeriod("macd", fast, "fast period");
    const slowLength = checkPeriod("macd", slow, "slow period");
    const signalLength = checkPeriod("macd", signal, "signal period");
    const values = toSeries("macd", source, "close");
    const fastEma = emaOf(values, fastLength);
    const slowEma = emaOf(values, slowLength);
    const line = values.map((_, i) => (fastEma[i] as number) - (slowEma[i] as number));
    const signalLine = emaOf(line, signalLength);
    const histogram = line.map((value, i) => value - (signalLine[i] as number));
    return { macd: line, signal: signalLine, histogram };
  }

  // Wilder's ATR. The first candle's true range is high − low (it has no
  // previous close); the first ATR is the mean of the first `period` ranges.
  function atr(candles: readonly IndicatorCandle[], period = 14): number[] {
    const length = checkPeriod("atr", period);
    const highs = toSeries("atr", candles, "high", true);
    const lows = toSeries("atr", candles, "low", true);
    const closes = toSeries("atr", candles, "close", true);
    const ranges = highs.map((high, i) => {
      const low = lows[i] as number;
      if (i === 0) return high - low;
      const previousClose = closes[i - 1] as number;
      return Math.max(high - low, Math.abs(high - previousClose), Math.abs(low - previousClose));
    });
    const out = emptySeries(ranges.length);
    if (length > ranges.length) return out;
    let previous = meanOf(ranges, 0, length);
    out[length - 1] = previous;
    for (let i = length; i < ranges.length; i++) {
      previous = (previous * (length - 1) + (ranges[i] as number)) / length;
      out[i] = previous;
    }
    return out;
  }

  // Bands at `multiplier` population standard deviations around the SMA.
  function bollinger(source: IndicatorSource, period = 20, multiplier = 2): BollingerSeries {
    const length = checkPeriod("bollinger", period);
    if (typeof multiplier !== "number" || !Number.isFinite(multiplier)) {
      throw new RangeError(`ta.bollinger: multiplier must be a finite number, got ${multiplier}`);
    }
    const values = toSeries("bollinger", source, "close");
    const middle = rolling(values, length, (start, end) => meanOf(values, start, end));
    const deviation = rolling(values, length, (start, end) => {
      const average = middle[end - 1] as number;
      let squares = 0;
      for (let i = start; i < end; i++) {
        const distance = (values[i] as number) - average;
        squares += distance * distance;
      }
      return Math.sqrt(squares / length);
    });
    return {
      upper: middle.map((value, i) => value + multiplier * (deviation[i] as number)),
      middle,
      lower: middle.map((value, i) => value - multiplier * (deviation[i] as number)),
    };
  }

  function extremes(
    values: readonly number[],
    period: number,
    isBetter: (candidate: number, best: number) => boolean,
  ): number[] {
    return rolling(values, period, (start, end) => {
      let best = values[start] as number;
      for (let i = start + 1; i < end; i++) {
        const value = values[i] as number;
        if (Number.isNaN(value)) return value;
        if (isBetter(value, best)) best = value;
      }
      return best;
    });
  }

  function highest(source: IndicatorSource, period: number): number[] {
    const length = checkPeriod("highest", period);
    return extremes(toSeries("highest", source, "high"), length, (value, best) => value > best);
  }

  function lowest(source: IndicatorSource, period: number): number[] {
    const length = checkPeriod("lowest", period);
    return extremes(toSeries("lowest", source, "low"), length, (value, best) => value < best);
  }

  return { sma, ema, rsi, macd, atr, bollinger, highest, lowest };
}

export type Indicators = ReturnType<typeof createIndicators>;
