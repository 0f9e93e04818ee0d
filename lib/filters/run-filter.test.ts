import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { filterRunResultSchema } from "@/lib/filters/filter-types";
import { runFilter } from "@/lib/filters/run-filter";
import { syntheticInput } from "@/lib/filters/synthetic-candles";

const input = syntheticInput(40);
const run = (code: string, limits?: Parameters<typeof runFilter>[0]["limits"]) =>
  runFilter({ code, input, limits });

async function expectFailure(code: string, limits?: Parameters<typeof runFilter>[0]["limits"]) {
  const result = await run(code, limits);
  expect(filterRunResultSchema.parse(result)).toEqual(result);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}

describe("runFilter results", () => {
  it("returns a boolean verdict", async () => {
    const result = await run(`export default function filter({ candles }) {
  return candles.length === 40;
}`);
    expect(result).toMatchObject({ ok: true, match: true, score: null, note: null });
  });

  it("returns score and note from an object verdict", async () => {
    const result = await run(
      `export default (input) => ({ match: false, score: 2.5, note: input.symbol + " " + input.interval });`,
    );
    expect(result).toMatchObject({ ok: true, match: false, score: 2.5, note: "BTCUSDT 5m" });
  });

  it("accepts null for an absent score or note", async () => {
    const result = await run(`export default () => ({ match: true, score: null, note: null });`);
    expect(result).toMatchObject({ ok: true, match: true, score: null, note: null });
  });

  it("accepts a plain `function filter` declaration without export", async () => {
    const result = await run(`function filter(input) {
  return input.params.wanted === true;
}`);
    expect(result).toMatchObject({ ok: true, match: false });
  });

  it("passes params, oldest candle first, times in ms", async () => {
    const result = await runFilter({
      code: `export default ({ candles, params }) => ({
  match: candles[0].openTime < candles[candles.length - 1].openTime,
  note: JSON.stringify(params),
});`,
      input: { ...input, params: { lookback: 20, nested: { ok: true } } },
    });
    expect(result).toMatchObject({
      ok: true,
      match: true,
      note: '{"lookback":20,"nested":{"ok":true}}',
    });
  });

  it("measures the filter's own time", async () => {
    const result = await run(`export default () => true;`);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.durationMs).toBeLessThan(250);
  });
});

describe("compilation errors", () => {
  it("reports a syntax error with its line", async () => {
    const failure = await expectFailure(`export default function filter({ candles }) {
  const last = candles.at(-1);
  return last.close > ;
}`);
    expect(failure).toMatchObject({ errorType: "compilation", line: 3 });
    expect(failure.message).toMatch(/^SyntaxError: /);
    expect(failure.stack).toContain("filter.js:3");
  });

  it("puts a missing closing brace on the user's last line, not the sandbox's", async () => {
    const failure = await expectFailure(`export default function filter() {
  return true;
`);
    expect(failure).toMatchObject({ errorType: "compilation", line: 3 });
    expect(failure.message).not.toMatch(/__faultline|globalThis/);
  });

  it("rejects imports: there is nothing to import", async () => {
    const failure = await expectFailure(`import fs from "fs";
export default () => true;`);
    expect(failure).toMatchObject({ errorType: "compilation" });
    expect(failure.message).toContain("could not load module 'fs'");
  });

  it("reports code that defines no filter", async () => {
    const failure = await expectFailure(`const threshold = 3;`);
    expect(failure).toMatchObject({ errorType: "compilation", line: null });
    expect(failure.message).toMatch(/no filter found/);
  });

  it("reports a default export that is not a function", async () => {
    const failure = await expectFailure(`export default { match: true };`);
    expect(failure.errorType).toBe("compilation");
    expect(failure.message).toMatch(/default export must be the filter function, got an object/);
  });
});

describe("runtime errors", () => {
  it("reports a throw with the line that threw and the user's frames", async () => {
    const failure = await expectFailure(`function average(values) {
  if (values.length === 0) {
    throw new Error("no values");
  }
  return values.reduce((a, b) => a + b) / values.length;
}
export default function filter() {
  return average([]) > 1;
}`);
    expect(failure).toMatchObject({ errorType: "runtime", message: "Error: no values", line: 3 });
    expect(failure.stack).toMatch(
      /^Error: no values\n {4}at average \(filter\.js:3:\d+\)\n {4}at filter \(filter\.js:8:\d+\)$/,
    );
  });

  it("reports a TypeError from the engine", async () => {
    const failure = await expectFailure(`export default function filter({ candles }) {
  const reference = candles[candles.length + 5];
  return reference.close > 0;
}`);
    expect(failure).toMatchObject({ errorType: "runtime", line: 3 });
    expect(failure.message).toMatch(/^TypeError: cannot read property 'close' of undefined/);
  });

  it("reports a throw at module top level", async () => {
    const failure = await expectFailure(`const config = undefined;
const threshold = config.threshold;
export default () => true;`);
    expect(failure).toMatchObject({ errorType: "runtime", line: 2 });
  });

  it("reports a thrown non-error value", async () => {
    const failure = await expectFailure(`export default () => { throw "bad candle"; };`);
    expect(failure).toMatchObject({
      errorType: "runtime",
      message: 'Uncaught "bad candle"',
      stack: null,
      line: null,
    });
  });

  it("reports errors thrown by ta at the user's line", async () => {
    const failure = await expectFailure(`export default function filter({ candles }) {
  const fast = ta.sma(candles, 0);
  return fast.at(-1) > 0;
}`);
    expect(failure).toMatchObject({ errorType: "runtime", line: 2 });
    expect(failure.message).toBe("RangeError: ta.sma: period must be a positive integer, got 0");
  });

  it.each([
    ["a number", "1", "filter returned 1;"],
    ["undefined", "undefined", "filter returned undefined;"],
    ["a string", '"yes"', 'filter returned "yes";'],
    ["an array", "[true]", "filter returned an array;"],
    ["a non-boolean match", '({ match: "yes" })', 'filter returned { match: "yes" };'],
    [
      "a NaN score",
      "({ match: true, score: NaN })",
      "filter returned { match: true, score: NaN };",
    ],
    ["an infinite score", "({ match: true, score: Infinity })", "score: Infinity };"],
    ["a numeric note", "({ match: true, note: 5 })", "{ match: true, note: 5 };"],
    ["an object without match", "({ score: 1 })", "filter returned { score: 1 };"],
  ])("rejects returning %s", async (_, value, expected) => {
    const failure = await expectFailure(`export default () => ${value};`);
    expect(failure).toMatchObject({ errorType: "runtime", stack: null, line: null });
    expect(failure.message).toContain(expected);
    expect(failure.message).toContain(
      "expected true, false or { match: boolean, score?: number, note?: string }",
    );
  });

  it("rejects an async filter", async () => {
    const failure = await expectFailure(`export default async function filter() { return true; }`);
    expect(failure.message).toContain("filter returned a Promise (filters must be synchronous)");
  });

  it("waits for a top-level await that settles inside the sandbox", async () => {
    const result = await run(`const ready = await Promise.resolve(true);
export default () => ready;`);
    expect(result).toMatchObject({ ok: true, match: true });
  });

  it("reports a top-level await that can never settle", async () => {
    const failure = await expectFailure(`await new Promise(() => {});
export default () => true;`);
    expect(failure).toMatchObject({ errorType: "runtime" });
    expect(failure.message).toMatch(/never settled/);
  });
});

describe("limits", () => {
  it("times out an endless loop close to the limit, inside the filter", async () => {
    const started = performance.now();
    const failure = await expectFailure(
      `export default function filter() {
  let spins = 0;
  while (true) {
    spins++;
  }
}`,
      { timeoutMs: 100 },
    );
    const elapsed = performance.now() - started;
    expect(failure).toMatchObject({
      errorType: "timeout",
      message: "Filter exceeded its 100 ms time limit",
    });
    // QuickJS records positions only at some instructions: the line is the
    // last one it recorded in the running function, not always the loop's.
    expect(failure.line).toBeGreaterThanOrEqual(1);
    expect(failure.line).toBeLessThanOrEqual(6);
    expect(failure.stack).toMatch(/at filter \(filter\.js:\d+:\d+\)/);
    expect(failure.durationMs).toBeGreaterThanOrEqual(100);
    expect(elapsed).toBeLessThan(100 + 400);
  });

  it("does not let the filter catch the interrupt", async () => {
    const failure = await expectFailure(
      `export default function filter() {
  for (;;) {
    try { for (;;) {} } catch (error) {}
  }
}`,
      { timeoutMs: 50 },
    );
    expect(failure.errorType).toBe("timeout");
  });

  it("times out a module that loops at top level", async () => {
    const failure = await expectFailure(`while (true) {}\nexport default () => true;`, {
      timeoutMs: 50,
    });
    expect(failure.errorType).toBe("timeout");
  });

  it("panics when the filter allocates past the memory limit", async () => {
    const failure = await expectFailure(`export default function filter() {
  const grid = new Array(1e8).fill(0);
  return grid.length > 0;
}`);
    expect(failure).toMatchObject({
      errorType: "panic",
      message: "Filter exceeded its 32 MiB memory limit",
      line: 2,
    });
  });

  it("panics when memory piles up in allocations each below the limit", async () => {
    const failure = await expectFailure(
      `export default function filter() {
  const rows = [];
  for (;;) rows.push(new Float64Array(4096));
}`,
      { memoryBytes: 8 * 1024 * 1024, timeoutMs: 5_000 },
    );
    expect(failure).toMatchObject({
      errorType: "panic",
      message: "Filter exceeded its 8 MiB memory limit",
      line: 3,
    });
  });

  it("panics even when the filter keeps what it allocated reachable", async () => {
    const failure = await expectFailure(
      `globalThis.kept = [];
export default function filter() {
  for (;;) kept.push("x".repeat(100000) + kept.length);
}`,
      { memoryBytes: 8 * 1024 * 1024, timeoutMs: 5_000 },
    );
    expect(failure).toMatchObject({
      errorType: "panic",
      message: "Filter exceeded its 8 MiB memory limit",
    });
    expect(await run(`export default () => true;`)).toMatchObject({ ok: true, match: true });
  });

  it("panics when memory is too full to even describe the error", async () => {
    const failure = await expectFailure(
      `globalThis.kept = [];
export default function filter() {
  for (let i = 0; ; i++) kept.push([i]);
}`,
      { memoryBytes: 8 * 1024 * 1024, timeoutMs: 5_000 },
    );
    expect(failure).toMatchObject({
      errorType: "panic",
      message: "Filter exceeded its 8 MiB memory limit",
    });
  });

  it("lets a filter recover from an allocation it catches", async () => {
    const result = await run(`export default function filter() {
  try {
    return new Array(1e8).fill(0).length > 0;
  } catch (error) {
    return { match: false, note: String(error) };
  }
}`);
    expect(result).toMatchObject({ ok: true, match: false, note: "InternalError: out of memory" });
  });

  it("panics on infinite recursion, keeps the stack short, and runs again", async () => {
    const failure = await expectFailure(`function deeper(n) {
  return deeper(n + 1) + 1;
}
export default () => deeper(0) > 0;`);
    expect(failure).toMatchObject({
      errorType: "panic",
      message: "Filter exceeded its 256 KiB stack limit (recursion too deep)",
      line: 2,
    });
    expect(failure.stack?.split("\n").length).toBeLessThanOrEqual(22);
    expect(failure.stack).toMatch(/\.\.\. \d+ more frames$/);
    expect(await run(`export default () => true;`)).toMatchObject({ ok: true, match: true });
  });

  it.each([
    [
      "recursion through getters",
      `const o = { get x() { return this.x; } }; export default () => o.x;`,
    ],
    ["recursion through callbacks", `const f = (n) => [n].map(f); export default () => f(0);`],
    [
      "deep JSON nesting",
      `export default () => { let o = {}; for (let i = 0; i < 100000; i++) o = { o }; return JSON.stringify(o).length > 0; };`,
    ],
    ["deeply nested source", `export default () => ${"[".repeat(50_000)}${"]".repeat(50_000)};`],
  ])("survives %s and runs again", async (_, code) => {
    const failure = await expectFailure(code);
    expect(failure.errorType).toBe("panic");
    expect(await run(`export default () => true;`)).toMatchObject({ ok: true, match: true });
  });

  it("refuses a stack limit above 256 KiB and other invalid limits", async () => {
    await expect(run(`export default () => true;`, { stackBytes: 1024 * 1024 })).rejects.toThrow(
      ZodError,
    );
    await expect(run(`export default () => true;`, { timeoutMs: 0 })).rejects.toThrow(ZodError);
  });
});

describe("input validation", () => {
  it("refuses malformed input: a caller bug, not a filter error", async () => {
    await expect(
      runFilter({
        code: "export default () => true;",
        input: { ...input, candles: [{ close: 1 }] } as never,
      }),
    ).rejects.toThrow(ZodError);
  });
});
