import { describe, expect, it } from "vitest";
import { createIndicators } from "@/lib/filters/indicators";

const ta = createIndicators();
const NaN_ = Number.NaN;

// Hand-computed references (worked out on paper, see each comment).
function expectSeries(actual: readonly number[], expected: readonly number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => {
    if (Number.isNaN(value)) expect(actual[i], `index ${i}`).toBeNaN();
    else expect(actual[i], `index ${i}`).toBeCloseTo(value, 9);
  });
}

const candle = (high: number, low: number, close: number) => ({ high, low, close });

describe("sma", () => {
  it("averages each window of `period` values, NaN while warming up", () => {
    expectSeries(ta.sma([1, 2, 3, 4, 5], 3), [NaN_, NaN_, 2, 3, 4]);
    expectSeries(ta.sma([10, 20], 1), [10, 20]);
  });

  it("uses the close of candles", () => {
    expectSeries(ta.sma([candle(9, 1, 2), candle(9, 1, 4)], 2), [NaN_, 3]);
  });

  it("spoils only the windows that contain a NaN", () => {
    expectSeries(ta.sma([NaN_, 2, 4, 6], 2), [NaN_, NaN_, 3, 5]);
  });

  it("is all NaN when the period exceeds the data", () => {
    expectSeries(ta.sma([1, 2], 3), [NaN_, NaN_]);
  });
});

describe("ema", () => {
  // alpha = 2/(3+1) = 0.5; seed = mean(2,4,6) = 4; 0.5·8+0.5·4 = 6; 0.5·12+0.5·6 = 9
  it("seeds with the SMA of the first period, then smooths", () => {
    expectSeries(ta.ema([2, 4, 6, 8, 12], 3), [NaN_, NaN_, 4, 6, 9]);
  });

  it("skips leading NaNs so it can smooth another indicator", () => {
    expectSeries(ta.ema([NaN_, NaN_, 2, 4, 6, 8, 12], 3), [NaN_, NaN_, NaN_, NaN_, 4, 6, 9]);
  });
});

describe("rsi", () => {
  // changes +0.5 −0.5 +1 +1 −0.5; first averages gain 1.5/3 = 0.5, loss 0.5/3;
  // RS 3 → 75. Then gain (0.5·2+1)/3 = 2/3, loss (1/6·2)/3 = 1/9, RS 6 → 100 − 100/7.
  // Then gain (2/3·2)/3 = 4/9, loss (1/9·2+0.5)/3 = 6.5/27, RS 12/6.5 → 1200/18.5.
  it("follows Wilder's smoothing", () => {
    expectSeries(ta.rsi([44, 44.5, 44, 45, 46, 45.5], 3), [
      NaN_,
      NaN_,
      NaN_,
      75,
      100 - 100 / 7,
      1200 / 18.5,
    ]);
  });

  it("is 100 without losses and 50 on a flat series", () => {
    expectSeries(ta.rsi([1, 2, 3, 4], 2), [NaN_, NaN_, 100, 100]);
    expectSeries(ta.rsi([5, 5, 5], 2), [NaN_, NaN_, 50]);
  });

  it("defaults to 14 periods", () => {
    const closes = Array.from({ length: 15 }, (_, i) => 100 + i);
    const values = ta.rsi(closes);
    expect(values[13]).toBeNaN();
    expect(values[14]).toBe(100);
  });
});

describe("macd", () => {
  // fast EMA(2): 2, 2, 4, 4, 20/3 from index 1; slow EMA(3): 2, 3.5, 3.75, 5.875 from index 2;
  // line 0, 0.5, 0.25, 19/24; signal EMA(2) of the line: 0.25, 0.25, 11/18 from index 3.
  it("subtracts the slow EMA from the fast one and smooths the difference", () => {
    const { macd, signal, histogram } = ta.macd([1, 3, 2, 5, 4, 8], 2, 3, 2);
    expectSeries(macd, [NaN_, NaN_, 0, 0.5, 0.25, 19 / 24]);
    expectSeries(signal, [NaN_, NaN_, NaN_, 0.25, 0.25, 11 / 18]);
    expectSeries(histogram, [NaN_, NaN_, NaN_, 0.25, 0, 19 / 24 - 11 / 18]);
  });
});

describe("atr", () => {
  // true ranges 2, 2, 3, 1, 3.5 (the last one from the gap up: 14 − 10.5);
  // ATR(3) = 7/3, then (7/3·2+1)/3 = 17/9, then (17/9·2+3.5)/3 = 65.5/27.
  it("averages true ranges with Wilder's smoothing", () => {
    const candles = [
      candle(10, 8, 9),
      candle(11, 9, 10),
      candle(12, 9, 11),
      candle(11, 10, 10.5),
      candle(14, 12, 13),
    ];
    expectSeries(ta.atr(candles, 3), [NaN_, NaN_, 7 / 3, 17 / 9, 65.5 / 27]);
  });

  it("rejects plain numbers", () => {
    expect(() => ta.atr([1, 2, 3] as never, 2)).toThrow(/ta\.atr/);
  });
});

describe("bollinger", () => {
  // window 1,2,3: mean 2, population variance 2/3.
  it("puts bands `multiplier` population deviations around the SMA", () => {
    const { upper, middle, lower } = ta.bollinger([1, 2, 3, 4, 5], 3, 2);
    const band = 2 * Math.sqrt(2 / 3);
    expectSeries(middle, [NaN_, NaN_, 2, 3, 4]);
    expectSeries(upper, [NaN_, NaN_, 2 + band, 3 + band, 4 + band]);
    expectSeries(lower, [NaN_, NaN_, 2 - band, 3 - band, 4 - band]);
  });
});

describe("highest and lowest", () => {
  it("take the extreme of each window", () => {
    expectSeries(ta.highest([3, 1, 4, 1, 5, 9, 2], 3), [NaN_, NaN_, 4, 4, 5, 9, 9]);
    expectSeries(ta.lowest([3, 1, 4, 1, 5, 9, 2], 3), [NaN_, NaN_, 1, 1, 1, 1, 2]);
  });

  it("use candle highs and lows", () => {
    const candles = [candle(5, 1, 3), candle(7, 2, 4), candle(6, 0.5, 5)];
    expectSeries(ta.highest(candles, 2), [NaN_, 7, 7]);
    expectSeries(ta.lowest(candles, 2), [NaN_, 1, 0.5]);
  });

  it("are NaN for a window holding a NaN", () => {
    expectSeries(ta.highest([1, NaN_, 3, 2], 2), [NaN_, NaN_, NaN_, 3]);
  });
});

describe("argument checks", () => {
  it.each([0, -1, 2.5, Number.NaN, undefined])("rejects period %s", (period) => {
    expect(() => ta.sma([1, 2, 3], period as number)).toThrow(
      /ta\.sma: period must be a positive integer/,
    );
  });

  it("rejects something that is not an array", () => {
    expect(() => ta.ema("1,2,3" as never, 2)).toThrow(/ta\.ema: expected an array/);
  });

  it("names the offending item", () => {
    expect(() => ta.rsi([1, "2", 3] as never, 2)).toThrow(/item 1/);
  });
});
