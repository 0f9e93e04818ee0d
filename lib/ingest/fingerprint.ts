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

export function computeFingerprint(parts: {
  traderId: string;
  errorType: string;
  message: string;
  clientFingerprint?: string[];
}): string {
  const material = parts.clientFingerprint
    ? ["client", parts.traderId, ...parts.clientFingerprint]
    : [
        `v${GROUPING_VERSION}`,
        parts.traderId,
        parts.errorType,
        normalizeErrorMessage(parts.message),
      ];
  return createHash("sha256").update(material.join("\u0000")).digest("hex");
}

// The seed shows a short hex "error hash" next to each error; 12 hex chars of the fingerprint.
export function shortErrorHash(fingerprint: string): string {
  return fingerprint.slice(0, 12);
}
