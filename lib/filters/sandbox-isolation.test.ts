import { afterEach, describe, expect, it, vi } from "vitest";
import { runFilter, runFilterOnInputs } from "@/lib/filters/run-filter";
import { syntheticInput } from "@/lib/filters/synthetic-candles";

const input = syntheticInput(30);

// The filter reports what it found in `note`, so a test sees the sandbox from inside.
async function probe(expression: string) {
  const result = await runFilter({
    code: `export default function filter() {
  let found;
  try { found = ${expression}; } catch (error) { found = "threw " + error.name + ": " + error.message; }
  return { match: true, note: String(found) };
}`,
    input,
  });
  if (!result.ok) throw new Error(`probe failed: ${result.message}`);
  return result.note;
}

describe("no way out of the sandbox", () => {
  it.each([
    "typeof process",
    "typeof require",
    "typeof module",
    "typeof fetch",
    "typeof XMLHttpRequest",
    "typeof WebSocket",
    "typeof setTimeout",
    "typeof std",
    "typeof os",
    "typeof Deno",
    "typeof Bun",
    "typeof globalThis.process",
    "globalThis.constructor.constructor('return typeof process')()",
    "typeof Function('return this')().process",
    "typeof (0, eval)('this').require",
    "typeof this",
    "typeof [].constructor.constructor('return globalThis')().fetch",
  ])("%s is undefined", async (expression) => {
    expect(await probe(expression)).toBe("undefined");
  });

  it("reaches only the sandbox's own global through Function", async () => {
    expect(
      await probe(
        "Object.getOwnPropertyNames(globalThis.constructor.constructor('return globalThis')()).filter((name) => !/^[A-Z]/.test(name)).sort().join(',')",
      ),
    ).toBe(
      "__faultlineDeclaredFilter,console,decodeURI,decodeURIComponent,encodeURI,encodeURIComponent,escape,eval,globalThis,isFinite,isNaN,parseFloat,parseInt,ta,undefined,unescape",
    );
  });

  it("finds no process behind the Function constructor", async () => {
    expect(await probe("globalThis.constructor.constructor('return process')()")).toBe(
      "threw ReferenceError: 'process' is not defined",
    );
  });

  it("cannot load modules at run time either", async () => {
    const result = await runFilter({
      code: `const fs = await import("fs");
export default () => true;`,
      input,
    });
    expect(result).toMatchObject({ ok: false, errorType: "runtime" });
    expect(result.ok ? "" : result.message).toContain("could not load module 'fs'");
  });

  describe("console", () => {
    afterEach(() => vi.restoreAllMocks());

    it("is silent and never reaches the host", async () => {
      const log = vi.spyOn(console, "log");
      const error = vi.spyOn(console, "error");
      const result = await runFilter({
        code: `export default () => { console.log("hello"); console.error("oops"); return true; };`,
        input,
      });
      expect(result).toMatchObject({ ok: true, match: true });
      expect(log).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    });
  });

  it("gives ta frozen, both as a global and as the second argument", async () => {
    const result = await runFilter({
      code: `export default function filter(input, helpers) {
  ta.sma = () => [];
  return { match: helpers === ta && Object.isFrozen(ta), note: String(ta.sma([1, 2], 1)) };
}`,
      input,
    });
    expect(result).toMatchObject({ ok: false, errorType: "runtime" });

    const frozen = await runFilter({
      code: `export default (input, helpers) => helpers === ta && Object.isFrozen(ta);`,
      input,
    });
    expect(frozen).toMatchObject({ ok: true, match: true });
  });
});

describe("no state survives a run", () => {
  const leaky = `let calls = 0;
globalThis.seen = (globalThis.seen ?? 0) + 1;
Array.prototype.polluted = (Array.prototype.polluted ?? 0) + 1;
export default function filter() {
  calls++;
  return { match: true, note: [calls, globalThis.seen, [].polluted, Math.random()].join(" ") };
}`;

  it("gives every input of a batch a fresh module, global and prototypes", async () => {
    const results = await runFilterOnInputs(leaky, [input, input, input]);
    const notes = results.map((result) => (result.ok ? result.note : result.message));
    const random = notes[0]?.split(" ")[3];
    expect(notes).toEqual([`1 1 1 ${random}`, `1 1 1 ${random}`, `1 1 1 ${random}`]);
  });

  it("does not let one run see another's globals", async () => {
    await runFilter({ code: leaky, input });
    const second = await runFilter({ code: leaky, input });
    expect(second).toMatchObject({ ok: true });
    expect(second.ok && second.note?.startsWith("1 1 1 ")).toBe(true);
  });

  it("reports each input of a batch on its own", async () => {
    const results = await runFilterOnInputs(
      `export default ({ candles }) => {
  if (candles.length === 0) throw new Error("no candles");
  return candles.length > 10;
};`,
      [syntheticInput(5), syntheticInput(0), syntheticInput(20)],
    );
    expect(results.map((result) => (result.ok ? result.match : result.errorType))).toEqual([
      false,
      "runtime",
      true,
    ]);
  });

  it("gives every input a compilation failure when the code does not compile", async () => {
    const results = await runFilterOnInputs("export default (", [input, input]);
    expect(results).toHaveLength(2);
    expect(results.every((result) => !result.ok && result.errorType === "compilation")).toBe(true);
  });
});
