import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";

const HEX_32 = /^[0-9a-f]{32}$/;
const uuidSchema = z.uuid();

// Sentry ids are UUIDs written as 32 hex digits; accept the dashed form too.
export function normalizeSentryEventId(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const hex = value.replaceAll("-", "").toLowerCase();
  return HEX_32.test(hex) ? hex : null;
}

function dash(hex: string): string {
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join("-");
}

// SDKs generate v4 UUIDs, which map 1:1. Any other 32 hex digits (hand-written
// clients) are not RFC 9562 UUIDs, which our schema requires, so they map to a
// deterministic v8 UUID: a replay of the same id still finds the stored event.
export function sentryIdToUuid(hex: string): string {
  const dashed = dash(hex);
  if (uuidSchema.safeParse(dashed).success) return dashed;
  const digest = createHash("sha256").update(hex).digest("hex");
  const variant = ((Number.parseInt(digest.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return dash(`${digest.slice(0, 12)}8${digest.slice(13, 16)}${variant}${digest.slice(17, 32)}`);
}

export function generateSentryEventId(): string {
  return randomUUID().replaceAll("-", "");
}
