import { AppError } from "@/lib/http/app-error";

const UTF8_BOM = "\uFEFF";

// Strict: a replacement character silently stored in place of bad bytes would hide
// that the executor sent a broken encoding (often Latin-1 from a Windows host).
export function decodeUtf8Strict(bytes: Uint8Array): string {
  // ignoreBOM keeps the BOM in the output so exactly one is stripped below, on purpose.
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new AppError(
      "invalid_json",
      `The request body is not valid UTF-8 (broken sequence at byte ${findInvalidUtf8Offset(bytes)}).`,
    );
  }
  return text.startsWith(UTF8_BOM) ? text.slice(UTF8_BOM.length) : text;
}

// [lead byte range, continuation bytes, allowed range of the first continuation byte]
// per RFC 3629 §4; the narrowed ranges exclude overlongs, surrogates and > U+10FFFF.
const sequenceRules: Array<[number, number, number, number, number]> = [
  [0xc2, 0xdf, 1, 0x80, 0xbf],
  [0xe0, 0xe0, 2, 0xa0, 0xbf],
  [0xe1, 0xec, 2, 0x80, 0xbf],
  [0xed, 0xed, 2, 0x80, 0x9f],
  [0xee, 0xef, 2, 0x80, 0xbf],
  [0xf0, 0xf0, 3, 0x90, 0xbf],
  [0xf1, 0xf3, 3, 0x80, 0xbf],
  [0xf4, 0xf4, 3, 0x80, 0x8f],
];

function isInRange(value: number | undefined, low: number, high: number): boolean {
  return value !== undefined && value >= low && value <= high;
}

// Only runs on the error path, to tell the sender where the encoding breaks: the
// offset of the first byte that starts an invalid or truncated sequence.
export function findInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.byteLength) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const rule = sequenceRules.find(([low, high]) => lead >= low && lead <= high);
    if (!rule) return index;
    const [, , continuationCount, firstLow, firstHigh] = rule;
    if (!isInRange(bytes[index + 1], firstLow, firstHigh)) return index;
    for (let offset = 2; offset <= continuationCount; offset += 1) {
      if (!isInRange(bytes[index + offset], 0x80, 0xbf)) return index;
    }
    index += continuationCount + 1;
  }
  return bytes.byteLength;
}
