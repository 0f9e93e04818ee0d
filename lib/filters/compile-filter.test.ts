import { describe, expect, it } from "vitest";
import { compileFilter } from "@/lib/filters/compile-filter";
import { MOMENTUM_FILTER, RSI_FILTER } from "@/prisma/demo-data";

describe("compileFilter", () => {
  it("accepts the demo filters", async () => {
    expect(await compileFilter(MOMENTUM_FILTER)).toEqual({ ok: true });
    expect(await compileFilter(RSI_FILTER)).toEqual({ ok: true });
  });

  it("reports a syntax error with its line", async () => {
    const result = await compileFilter(`// Breakout
export default function filter({ candles }) {
  const last = candles.at(-1);
  if (last.close > ) return true;
  return false;
}`);
    expect(result).toMatchObject({ ok: false, errorType: "compilation", line: 4 });
    expect(result.ok ? null : result.stack).toMatch(/^SyntaxError: .+\n {4}at filter\.js:4:\d+$/);
  });

  it("reports an import, since nothing can be imported", async () => {
    expect(
      await compileFilter(`import { sma } from "indicators";\nexport default () => true;`),
    ).toMatchObject({
      ok: false,
      errorType: "compilation",
    });
  });

  it("only parses: code that would loop or throw compiles at once", async () => {
    const started = performance.now();
    expect(await compileFilter(`while (true) {}\nthrow new Error("never");`)).toEqual({ ok: true });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("panics on nesting too deep to parse, and keeps working", async () => {
    const nested = `export default () => ${"(".repeat(100_000)}1${")".repeat(100_000)};`;
    expect(await compileFilter(nested)).toMatchObject({ ok: false, errorType: "panic" });
    expect(await compileFilter("export default () => true;")).toEqual({ ok: true });
  });
});
