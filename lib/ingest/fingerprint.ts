import { createHash } from "node:crypto";

export const GROUPING_VERSION = 1;

// Order matters: the most specific shapes are replaced before the generic ones.
const normalizers: ReadonlyArray<[RegExp, string]> = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?\b/g, "<timestamp>"],
  [/"[^"]*"|'[^']*'|`[^`]*`/g, "<str>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  [/\b[0-9a-f]{12,}\b/gi, "<hex>"],
  [/\b[A-Z0-9]{2,12}(USDT|USDC|BUSD|USD|BTC|ETH|EUR)\b/g, "<symbol>"],
  [/-?\b\d+(\.\d+)?(e[+-]?\d+)?\b/gi, "<num>"],
];

export function normalizeErrorMessage(message: string): string {
  const firstLine = message.split("\n", 1)[0] ?? "";
  return normalizers
    .reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), firstLine)
    .trim();
}

// Frames from the user's filter source, as our sandbox and common executors name it.
const IN_APP_FILE = /(^|[/\\])(filter|user-filter)\.(js|mjs|ts|py)$|^<filter>$/;
const JS_FRAME = /^\s*at\s+(?:(\S+)\s+\()?([^()\s]+?)(?::\d+){0,2}\)?\s*$/;
const PYTHON_FRAME = /^\s*File "([^"]+)", line \d+, in (\S+)/;
const MAX_IN_APP_FRAMES = 3;

// Function and file of the topmost in-app frames; line numbers are left out on
// purpose so an unrelated edit above the failing line does not split the group.
export function topInAppFrames(stackTrace: string | undefined): string[] {
  if (!stackTrace) return [];
  const frames: string[] = [];
  for (const line of stackTrace.split("\n")) {
    const js = JS_FRAME.exec(line);
    const python = js ? null : PYTHON_FRAME.exec(line);
    const file = js?.[2] ?? python?.[1];
    const fn = (js ? js[1] : python?.[2]) ?? "<anonymous>";
    if (file && IN_APP_FILE.test(file)) frames.push(`${fn}@${file.split(/[/\\]/).pop()}`);
  }
  // Python prints the innermost frame last, JS first: keep the innermost ones either way.
  const isPython = stackTrace.includes('File "');
  return (isPython ? frames.reverse() : frames).slice(0, MAX_IN_APP_FRAMES);
}

export function computeFingerprint(parts: {
  traderId: string;
  errorType: string;
  message: string;
  stackTrace?: string;
  clientFingerprint?: string[];
}): string {
  const material = parts.clientFingerprint
    ? ["client", parts.traderId, ...parts.clientFingerprint]
    : [
        `v${GROUPING_VERSION}`,
        parts.traderId,
        parts.errorType,
        normalizeErrorMessage(parts.message),
        ...topInAppFrames(parts.stackTrace),
      ];
  return createHash("sha256").update(material.join("\u0000")).digest("hex");
}

// The seed shows a short hex "error hash" next to each error; 12 hex chars of the fingerprint.
export function shortErrorHash(fingerprint: string): string {
  return fingerprint.slice(0, 12);
}
