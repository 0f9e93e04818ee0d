import { describe, expect, it } from "vitest";
import { parseCandlesCsv } from "@/lib/market-data/parse-candles-csv";

const header = "open_time,open,high,low,close,volume,close_time";

describe("parseCandlesCsv", () => {
  it("parses rows with epoch ms, epoch seconds and ISO dates", () => {
    const csv = [
      header,
      "1767225600000,100,105,99,104,12.5,1767225899999",
      "1767225900,104,106,103,105,0,1767226199999",
      '"2026-01-01T00:10:00Z",105,105,101,102,3,1767226499999',
      "",
    ].join("\r\n");
    const result = parseCandlesCsv(csv);
    expect(result).toEqual({
      ok: true,
      candles: [
        {
          openTime: 1767225600000,
          open: 100,
          high: 105,
          low: 99,
          close: 104,
          volume: 12.5,
          closeTime: 1767225899999,
        },
        {
          openTime: 1767225900000,
          open: 104,
          high: 106,
          low: 103,
          close: 105,
          volume: 0,
          closeTime: 1767226199999,
        },
        {
          openTime: 1767226200000,
          open: 105,
          high: 105,
          low: 101,
          close: 102,
          volume: 3,
          closeTime: 1767226499999,
        },
      ],
    });
  });

  it("derives close times from the interval when the column is absent", () => {
    const result = parseCandlesCsv("Timestamp,Open,High,Low,Close,Volume\n0,1,2,0.5,1.5,10\n", {
      interval: "5m",
    });
    expect(result).toEqual({
      ok: true,
      candles: [
        { openTime: 0, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10, closeTime: 299_999 },
      ],
    });
  });

  it("names the line and the field of every bad row", () => {
    const csv = [
      header,
      "1767225600000,100,105,99,104,1,1767225899999",
      "1767225900000,100,99,98,104,1,1767226199999",
      "1767226200000,abc,105,99,104,1,1767226499999",
      "1767226500000,100,105,99,104,-5,1767226799999",
      "1767226800000,100,105",
      "1767225600000,100,105,99,104,1,1767225899999",
      "not-a-date,100,105,99,104,1,1767225899999",
    ].join("\n");
    const result = parseCandlesCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 3, message: "high must be ≥ open and close" },
      { line: 4, message: "open is not a finite number" },
      { line: 5, message: "volume must not be negative" },
      { line: 6, message: "expected 7 values, found 3" },
      { line: 7, message: "open time must be later than the previous row's" },
      { line: 8, message: "openTime is not an epoch time or ISO 8601 date" },
    ]);
  });

  it("explains a missing column, a missing interval and an empty file", () => {
    expect(parseCandlesCsv("open_time,open,high,close\n1,1,1,1")).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          message: "header is missing low, volume (expected open_time,open,high,low,close,volume)",
        },
      ],
    });
    expect(parseCandlesCsv("open_time,open,high,low,close,volume\n1,1,1,1,1,1")).toEqual({
      ok: false,
      errors: [{ line: 1, message: "add a close_time column or pass the interval" }],
    });
    expect(parseCandlesCsv("\n\n")).toEqual({
      ok: false,
      errors: [{ line: 1, message: "the file is empty" }],
    });
    expect(parseCandlesCsv(`${header}\n`)).toEqual({
      ok: false,
      errors: [{ line: 1, message: "no candles after the header" }],
    });
  });
});
