import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { decodeUtf8Strict, findInvalidUtf8Offset } from "@/lib/ingest/body-decode-utf8";

// Property runs are CPU-bound; leave room on a busy CI machine.
const PROPERTY_TIMEOUT_MS = 30_000;

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe("decodeUtf8Strict", () => {
  it("decodes UTF-8 and strips one leading BOM", () => {
    expect(decodeUtf8Strict(new TextEncoder().encode('\ufeff{"a":"é"}'))).toBe('{"a":"é"}');
    // A second BOM is content, not a marker: JSON.parse rejects it later.
    expect(decodeUtf8Strict(new TextEncoder().encode("\ufeff\ufeff1"))).toBe("\ufeff1");
  });

  it.each([
    ["Latin-1 é", [0x7b, 0xe9, 0x7d], 1],
    ["overlong slash", [0x22, 0xc0, 0xaf, 0x22], 1],
    ["encoded surrogate", [0x22, 0x61, 0xed, 0xa0, 0x80, 0x22], 2],
    ["truncated sequence", [0x22, 0xe2, 0x82], 1],
    ["beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["UTF-16LE with BOM", [0xff, 0xfe, 0x7b, 0x00], 0],
  ])("rejects %s and names the offset", (_, bytes, offset) => {
    let caught: unknown;
    try {
      decodeUtf8Strict(new Uint8Array(bytes));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({
      code: "invalid_json",
      message: `The request body is not valid UTF-8 (broken sequence at byte ${offset}).`,
    });
  });
});

describe("findInvalidUtf8Offset", () => {
  it(
    "agrees with the strict TextDecoder on arbitrary bytes",
    () => {
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 40 }),
        // Mostly valid text with a few bytes flipped hits the interesting boundaries.
        fc
          .tuple(
            fc
              .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 20 })
              .map((codePoints) => String.fromCodePoint(...codePoints)),
            fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }))),
          )
          .map(([text, edits]) => {
            const encoded = new TextEncoder().encode(text);
            for (const [position, value] of edits) {
              if (encoded.byteLength > 0) encoded[position % encoded.byteLength] = value;
            }
            return encoded;
          }),
      );
      fc.assert(
        fc.property(bytes, (input) => {
          const offset = findInvalidUtf8Offset(input);
          expect(offset === input.byteLength).toBe(isValidUtf8(input));
          expect(isValidUtf8(input.subarray(0, offset))).toBe(true);
        }),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
