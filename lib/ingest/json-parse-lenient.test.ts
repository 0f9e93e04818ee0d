import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { MAX_JSON_DEPTH, parseLenientJson } from "@/lib/ingest/json-parse-lenient";

// Property runs are CPU-bound; leave room on a busy CI machine.
const PROPERTY_TIMEOUT_MS = 30_000;

function catchAppError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

// Serialises like Python's json.dumps: bare NaN/Infinity/-Infinity for non-finite floats.
function toPythonJson(value: unknown): string {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Number.POSITIVE_INFINITY) return "Infinity";
    if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(toPythonJson).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}: ${toPythonJson(item)}`,
    );
    return `{${members.join(", ")}}`;
  }
  return JSON.stringify(value);
}

const trickyStrings = fc.constantFrom(
  "NaN",
  "Infinity",
  "-Infinity",
  '"NaN"',
  "\\",
  '\\"',
  "[[[",
  "}}",
  "x NaN y",
);

const { value: pythonValue } = fc.letrec<{
  value: unknown;
  leaf: unknown;
  array: unknown[];
  object: Record<string, unknown>;
}>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("array"), tie("object")),
  leaf: fc.oneof(
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    trickyStrings,
    fc.string({ unit: "binary" }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  ),
  array: fc.array(tie("value"), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string(), trickyStrings), tie("value"), { maxKeys: 5 }),
}));

describe("parseLenientJson", () => {
  it("reads bare NaN, Infinity and -Infinity as null", () => {
    expect(parseLenientJson('{"rsi": NaN, "range": [Infinity, -Infinity, 1]}')).toEqual({
      rsi: null,
      range: [null, null, 1],
    });
    expect(parseLenientJson("NaN")).toBeNull();
    expect(parseLenientJson(" -Infinity ")).toBeNull();
  });

  it("leaves the same words inside strings untouched", () => {
    expect(parseLenientJson('{"NaN": "NaN", "note": "x is -Infinity", "q": "\\"NaN\\""}')).toEqual({
      NaN: "NaN",
      note: "x is -Infinity",
      q: '"NaN"',
    });
  });

  it("tracks escaped backslashes so a string ending in one does not swallow the next token", () => {
    expect(parseLenientJson('["\\\\", NaN, "\\\\\\"", Infinity]')).toEqual([
      "\\",
      null,
      '\\"',
      null,
    ]);
  });

  it("handles tokens in nested arrays and objects", () => {
    expect(parseLenientJson('[[NaN, {"a": [Infinity, {"b": -Infinity}]}], "NaN"]')).toEqual([
      [null, { a: [null, { b: null }] }],
      "NaN",
    ]);
  });

  it.each([["[NaNx]"], ["[-NaN]"], ["{NaN: 1}"], ["[+Infinity]"], ["[1NaN]"], ["[nan]"]])(
    "still rejects garbage around the tokens: %s",
    (text) => {
      expect(catchAppError(() => parseLenientJson(text))).toMatchObject({ code: "invalid_json" });
    },
  );

  it("rejects nesting past the limit without recursing", () => {
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const error = catchAppError(() => parseLenientJson(deep));
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
    expect(error.status).toBe(400);
  });

  it("accepts exactly the limit and counts objects as levels too", () => {
    const atLimit = `${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`;
    expect(() => parseLenientJson(atLimit)).not.toThrow();
    const objects = `${'{"a":'.repeat(5)}1${"}".repeat(5)}`;
    expect(catchAppError(() => parseLenientJson(objects, { maxDepth: 4 })).code).toBe(
      "bad_request",
    );
  });

  it("does not count brackets inside strings as nesting", () => {
    const text = JSON.stringify(["[".repeat(1000), "{".repeat(1000)]);
    expect(parseLenientJson(text)).toEqual(["[".repeat(1000), "{".repeat(1000)]);
  });

  it("names the parser's reason for malformed JSON", () => {
    const error = catchAppError(() => parseLenientJson('{"a":'));
    expect(error.code).toBe("invalid_json");
    expect(error.message).toMatch(/^The request body is not valid JSON: .+/);
  });

  it.each([[""], ["  \n\t"]])("calls an empty body empty: %j", (text) => {
    const error = catchAppError(() => parseLenientJson(text));
    expect(error).toMatchObject({ code: "invalid_json", message: "The request body is empty." });
  });

  it("keeps __proto__ as an own key like JSON.parse, without touching prototypes", () => {
    const parsed = parseLenientJson('{"__proto__": {"polluted": NaN}}');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(
    "agrees with JSON.parse on any JSON text",
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
          const text = JSON.stringify(value);
          expect(parseLenientJson(text)).toEqual(JSON.parse(text));
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "reads any injected bare non-finite token as null and nothing else changes",
    () => {
      fc.assert(
        fc.property(pythonValue, (value) => {
          // JSON.stringify writes null for non-finite numbers: exactly the expected reading.
          expect(parseLenientJson(toPythonJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "either returns or throws a 4xx AppError for any string",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: "binary" }),
            fc.string({
              unit: fc.constantFrom("[", "]", "{", "}", '"', "\\", ",", ":", "N", "aN", "1"),
            }),
          ),
          (text) => {
            try {
              parseLenientJson(text);
            } catch (error) {
              expect(error).toBeInstanceOf(AppError);
              expect((error as AppError).status).toBeGreaterThanOrEqual(400);
              expect((error as AppError).status).toBeLessThan(500);
            }
          },
        ),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
