import type { Prisma } from "@/lib/generated/prisma/client";
import { sanitizeJsonValue, stripInvisibleCharacters } from "@/lib/ingest/sanitize-text";

export const MAX_CONTEXT_STRING_LENGTH = 2_000;
// A context bigger than this (serialized) is kept only as a truncated preview: one row
// must not carry megabytes of payload a failing caller happened to have at hand.
export const MAX_CONTEXT_JSON_LENGTH = 16_000;

export type SystemErrorContext = Record<string, unknown>;

// Only ever given JSON.parse output, so an object here is a JSON object all the way down.
function isJsonObject(value: unknown): value is Prisma.InputJsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… [${text.length - max} more characters]` : text;
}

// JSON.stringify with the cases it throws on or loses silently handled: bigint,
// cycles, Errors (own properties are not enumerable) and oversized strings.
function toJsonText(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "bigint") return item.toString();
    if (typeof item === "string") return truncate(item, MAX_CONTEXT_STRING_LENGTH);
    if (item instanceof Error) return { name: item.name, message: item.message };
    if (typeof item === "object" && item !== null) {
      if (seen.has(item)) return "[Circular]";
      seen.add(item);
    }
    return item;
  });
}

/**
 * Any value a caller passes as context → a plain JSON object safe to store: NaN and
 * ±Infinity become null, invisible/bidi characters are stripped (the ingest sanitizer),
 * long strings and huge contexts are truncated. Returns null for an empty context.
 */
export function toSystemErrorContext(
  context: SystemErrorContext | undefined,
): Prisma.InputJsonObject | null {
  if (context === undefined) return null;
  const text = toJsonText(context) ?? "{}";
  if (text.length > MAX_CONTEXT_JSON_LENGTH) {
    return {
      truncated: true,
      original_length: text.length,
      preview: stripInvisibleCharacters(text.slice(0, MAX_CONTEXT_STRING_LENGTH)),
    };
  }
  const sanitized = sanitizeJsonValue(JSON.parse(text));
  return isJsonObject(sanitized) ? sanitized : { value: text };
}
