import { describe, expect, it } from "vitest";
import {
  MAX_CONTEXT_JSON_LENGTH,
  MAX_CONTEXT_STRING_LENGTH,
  toSystemErrorContext,
} from "@/lib/system-errors/to-system-error-context";

describe("toSystemErrorContext", () => {
  it("turns NaN and Infinity into null at any depth", () => {
    expect(
      toSystemErrorContext({
        a: Number.NaN,
        b: [Number.POSITIVE_INFINITY, 1],
        c: { d: -Infinity },
      }),
    ).toEqual({ a: null, b: [null, 1], c: { d: null } });
  });

  it("handles bigint, Errors, Dates, cycles and undefined", () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    expect(
      toSystemErrorContext({
        big: 12n,
        error: new TypeError("bad"),
        at: new Date("2030-01-02T03:04:05.000Z"),
        cyclic,
        gone: undefined,
      }),
    ).toEqual({
      big: "12",
      error: { name: "TypeError", message: "bad" },
      at: "2030-01-02T03:04:05.000Z",
      cyclic: { name: "loop", self: "[Circular]" },
    });
  });

  it("strips invisible and bidi characters", () => {
    expect(toSystemErrorContext({ "k\u202e": "a\u200bb\u0007c" })).toEqual({ k: "abc" });
  });

  it("truncates long strings and replaces a huge context by a preview", () => {
    const long = toSystemErrorContext({ text: "x".repeat(MAX_CONTEXT_STRING_LENGTH + 50) });
    expect(String(long?.text)).toMatch(/^x{2000}… \[50 more characters\]$/);
    const huge = toSystemErrorContext({
      rows: Array.from({ length: 100 }, () => "y".repeat(1_000)),
    });
    expect(huge).toMatchObject({ truncated: true });
    expect(Number(huge?.original_length)).toBeGreaterThan(MAX_CONTEXT_JSON_LENGTH);
    expect(String(huge?.preview).length).toBe(MAX_CONTEXT_STRING_LENGTH);
  });

  it("returns null without a context", () => {
    expect(toSystemErrorContext(undefined)).toBeNull();
  });
});
