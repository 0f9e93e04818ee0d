import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeJsonValue, stripInvisibleCharacters } from "@/lib/ingest/sanitize-text";

// Property runs are CPU-bound; leave room on a busy CI machine.
const PROPERTY_TIMEOUT_MS = 30_000;

const invisible = [
  ..."\u0000\u0001\u0007\u0008\u000b\u000c\u000e\u001b\u001f",
  ..."\u007f\u0080\u0085\u009b\u009f",
  ..."\u200b\u200c\u200d\u200e\u200f\u2060\ufeff",
  ..."\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
];

function isCleanCodeUnit(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return true;
  return !(
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x2060 ||
    code === 0xfeff
  );
}

describe("stripInvisibleCharacters", () => {
  it.each(invisible.map((character) => [character.charCodeAt(0).toString(16), character]))(
    "removes U+%s",
    (_, character) => {
      expect(stripInvisibleCharacters(`a${character}b${character}`)).toBe("ab");
    },
  );

  it("keeps newlines, carriage returns and tabs", () => {
    const trace = "TypeError: x\r\n\tat filter (f.js:1:1)\n";
    expect(stripInvisibleCharacters(trace)).toBe(trace);
  });

  it("strips a terminal escape sequence's ESC and a Trojan Source override", () => {
    expect(stripInvisibleCharacters("\u001b[31mred\u001b[0m")).toBe("[31mred[0m");
    expect(stripInvisibleCharacters("if (isAdmin) {\u202e } \u2066// check\u2069")).toBe(
      "if (isAdmin) { } // check",
    );
  });

  it("removes lone surrogates but keeps surrogate pairs", () => {
    expect(stripInvisibleCharacters("a\ud83d\ude00b")).toBe("a\ud83d\ude00b");
    expect(stripInvisibleCharacters("a\ud83db")).toBe("ab");
    expect(stripInvisibleCharacters("a\ude00b")).toBe("ab");
    expect(stripInvisibleCharacters("\ude00\ud83d")).toBe("");
    expect(stripInvisibleCharacters("\ud83d\ud83d\ude00")).toBe("\ud83d\ude00");
  });

  it("keeps ordinary non-ASCII text", () => {
    expect(stripInvisibleCharacters("Ошибка: 指標 é NaN ✓")).toBe("Ошибка: 指標 é NaN ✓");
  });

  it(
    "leaves well-formed, visible output for any input",
    () => {
      fc.assert(
        fc.property(
          // Single code units (not code points) so lone surrogates show up too.
          fc
            .array(
              fc.oneof(
                fc.constantFrom(...invisible, "\ud800", "\udfff"),
                fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
                fc
                  .integer({ min: 0x10000, max: 0x10ffff })
                  .map((code) => String.fromCodePoint(code)),
              ),
            )
            .map((units) => units.join("")),
          (text) => {
            const clean = stripInvisibleCharacters(text);
            expect(clean.isWellFormed()).toBe(true);
            const codes = Array.from(clean, (character) => character.charCodeAt(0));
            expect(codes.filter((code) => !isCleanCodeUnit(code))).toEqual([]);
            // Idempotent, and only removes: every kept character appears in order.
            expect(stripInvisibleCharacters(clean)).toBe(clean);
            expect(clean.length).toBeLessThanOrEqual(text.length);
          },
        ),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe("sanitizeJsonValue", () => {
  it("cleans every string and key, deep inside arrays and objects", () => {
    const value = {
      "error\u200b_message": "boom\u0000",
      context: { "sym\u202ebol": ["BTC\u2066USDT", { note: "\ufeffok" }], count: 3 },
    };
    expect(sanitizeJsonValue(value)).toEqual({
      error_message: "boom",
      context: { symbol: ["BTCUSDT", { note: "ok" }], count: 3 },
    });
  });

  it("replaces non-finite numbers with null and keeps the rest", () => {
    expect(
      sanitizeJsonValue([Number.NaN, Number.POSITIVE_INFINITY, -1.5, 0, true, null, "x"]),
    ).toEqual([null, null, -1.5, 0, true, null, "x"]);
  });

  it("does not mutate its input", () => {
    const input = { a: ["\u0000"] };
    sanitizeJsonValue(input);
    expect(input).toEqual({ a: ["\u0000"] });
  });

  it("drops __proto__ keys so later assignments cannot swap a prototype", () => {
    const parsed = JSON.parse('{"__proto__": {"isAdmin": true}, "a": {"__proto__\u200b": 1}}');
    const clean = sanitizeJsonValue(parsed) as Record<string, Record<string, unknown>>;
    expect(Object.keys(clean)).toEqual(["a"]);
    expect(Object.keys(clean.a ?? {})).toEqual([]);
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
    expect(Object.assign({}, clean).isAdmin).toBeUndefined();
  });

  it("handles deep values without recursion", () => {
    let deep: unknown = "\u200bleaf";
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    let clean = sanitizeJsonValue(deep);
    for (let level = 0; level < 100_000; level += 1) clean = (clean as unknown[])[0];
    expect(clean).toBe("leaf");
  });

  it(
    "is the identity on values that are already clean",
    () => {
      fc.assert(
        fc.property(
          // __proto__ keys are the one deliberate change, covered above.
          fc
            .jsonValue({ stringUnit: "grapheme-ascii" })
            .filter((value) => !JSON.stringify(value).includes('"__proto__"')),
          (value) => {
            expect(sanitizeJsonValue(value)).toEqual(value);
          },
        ),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
