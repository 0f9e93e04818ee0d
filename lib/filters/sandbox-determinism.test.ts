import { afterAll, describe, expect, it } from "vitest";
import type { FilterInput } from "@/lib/filters/filter-types";
import { runFilter } from "@/lib/filters/run-filter";
import { syntheticInput } from "@/lib/filters/synthetic-candles";

// The engine reads the host's zone through Emscripten when it first needs local
// time; a zone far from UTC makes any leak of it visible. The engine is created
// lazily, after this line, and this file gets its own module instances.
const originalTimeZone = process.env.TZ;
process.env.TZ = "America/New_York";
afterAll(() => {
  process.env.TZ = originalTimeZone;
});

const input = syntheticInput(30);
const lastCloseTime = input.candles.at(-1)?.closeTime ?? 0;

async function evaluate(expression: string, on: FilterInput = input) {
  const result = await runFilter({
    code: `export default () => ({ match: true, note: JSON.stringify(${expression}) });`,
    input: on,
  });
  if (!result.ok) throw new Error(`filter failed: ${result.message}`);
  return JSON.parse(result.note ?? "null");
}

describe("time", () => {
  it("stands still at the last candle's close", async () => {
    expect(
      await evaluate("[Date.now(), new Date().getTime(), Date() === new Date().toString()]"),
    ).toEqual([lastCloseTime, lastCloseTime, true]);
  });

  it("is the epoch without candles", async () => {
    expect(await evaluate("Date.now()", { ...input, candles: [] })).toBe(0);
  });

  it("keeps Date usable as a constructor and a class", async () => {
    expect(
      await evaluate(
        "[new Date(86400000).toISOString(), new Date(new Date(5)).getTime(), new Date() instanceof Date, Date.name, Date.UTC(1970, 0, 2), new (class extends Date {})(7).getTime()]",
      ),
    ).toEqual(["1970-01-02T00:00:00.000Z", 5, true, "Date", 86_400_000, 7]);
  });
});

describe("local time is UTC whatever the host's zone", () => {
  it("reads and builds dates in UTC", async () => {
    expect(
      await evaluate(
        "[new Date(0).getTimezoneOffset(), new Date(0).getHours(), new Date(2026, 0, 5, 9).getTime(), new Date('2026-01-05T09:00').getTime(), Date.parse('2026-01-05T09:00:00')]",
      ),
    ).toEqual([0, 0, Date.UTC(2026, 0, 5, 9), Date.UTC(2026, 0, 5, 9), Date.UTC(2026, 0, 5, 9)]);
  });

  it("prints dates in UTC", async () => {
    expect(
      await evaluate(
        "[String(new Date(0)), new Date(0).toDateString(), new Date(0).toTimeString(), new Date(0).toLocaleString(), String(new Date(NaN))]",
      ),
    ).toEqual([
      "Thu Jan 01 1970 00:00:00 GMT+0000",
      "Thu Jan 01 1970",
      "00:00:00 GMT+0000",
      "Thu Jan 01 1970 00:00:00 GMT+0000",
      "Invalid Date",
    ]);
  });

  it("sets local fields as UTC ones", async () => {
    expect(
      await evaluate("(() => { const d = new Date(0); d.setHours(5); return d.getTime(); })()"),
    ).toBe(5 * 3_600_000);
  });
});

describe("Math.random", () => {
  const draws = "[Math.random(), Math.random(), Math.random()]";

  it("draws the same numbers for the same input", async () => {
    const first = await evaluate(draws);
    expect(await evaluate(draws)).toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    expect(new Set(first).size).toBe(3);
  });

  it("draws other numbers for another symbol", async () => {
    expect(await evaluate(draws, { ...input, symbol: "ETHUSDT" })).not.toEqual(
      await evaluate(draws),
    );
  });
});

it("gives the same result for the same input", async () => {
  const code = `export default function filter({ candles }) {
  const rsi = ta.rsi(candles, 14).at(-1);
  return { match: rsi > 50, score: rsi + Math.random(), note: new Date().toString() };
}`;
  const first = await runFilter({ code, input });
  const second = await runFilter({ code, input });
  expect({ ...second, durationMs: 0 }).toEqual({ ...first, durationMs: 0 });
});
