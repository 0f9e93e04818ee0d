import { describe, expect, it } from "vitest";
import { checkCandidateSource } from "@/lib/regeneration/check-candidate-source";

const FAILING = "export default function filter({ candles }) {\n  return candles[20].close > 0;\n}";
const GOOD = `export default function filter({ candles }) {
  if (candles.length < 21) return false;
  return candles[20].close > 0;
}`;

const withLine = (statement: string) =>
  `export default function filter({ candles }) {\n  ${statement}\n  return false;\n}`;

describe("checkCandidateSource", () => {
  it("accepts an ordinary filter", () => {
    expect(checkCandidateSource(GOOD, FAILING)).toEqual([]);
  });

  it.each([
    ["import", 'import x from "y";\nexport default function filter() { return x; }', 1],
    ["import", withLine('const m = await import("node:fs");'), 2],
    ["require", withLine('const fs = require("fs");'), 2],
    ["fetch", withLine('fetch("https://evil.test");'), 2],
    ["XMLHttpRequest", withLine("new XMLHttpRequest();"), 2],
    ["WebSocket", withLine('new WebSocket("wss://evil.test");'), 2],
    ["eval", withLine('eval("1 + 1");'), 2],
    ["Function(", withLine('new Function("return 1")();'), 2],
    ["constructor escape", withLine('[].map.constructor("return this")();'), 2],
    ["constructor escape", withLine('const F = (() => {})["constructor"];'), 2],
    ["process", withLine("process.exit(1);"), 2],
    ["globalThis", withLine("globalThis.leak = candles;"), 2],
  ])("rejects %s", (rule, code, line) => {
    expect(checkCandidateSource(code, FAILING)).toContainEqual(
      expect.objectContaining({ rule, line }),
    );
  });

  it("does not flag words that merely contain a forbidden one", () => {
    const code = withLine("const important = candles.length; const refetched = important > 0;");
    expect(checkCandidateSource(code, FAILING)).toEqual([]);
  });

  it("rejects the failing code itself, empty code and a module without a default export", () => {
    expect(checkCandidateSource(`${FAILING}\n`, FAILING)).toEqual([
      expect.objectContaining({ rule: "unchanged" }),
    ]);
    expect(checkCandidateSource("  ", FAILING)).toEqual([
      expect.objectContaining({ rule: "empty" }),
    ]);
    expect(checkCandidateSource("function filter() { return true; }", FAILING)).toEqual([
      expect.objectContaining({ rule: "export" }),
    ]);
  });

  it("rejects bidi controls that would make reviewed code differ from what runs", () => {
    const code = withLine('const access = "user\u202e \u2066// admin\u2069 \u2066";');
    expect(checkCandidateSource(code, FAILING)).toContainEqual(
      expect.objectContaining({ rule: "invisible characters" }),
    );
  });

  it("rejects oversized code", () => {
    expect(checkCandidateSource(withLine(`// ${"x".repeat(100_001)}`), FAILING)).toEqual([
      expect.objectContaining({ rule: "size" }),
    ]);
  });
});
