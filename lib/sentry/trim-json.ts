export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export type TrimLimits = { maxDepth: number; maxString: number; maxItems: number };

export const defaultTrimLimits: TrimLimits = { maxDepth: 5, maxString: 1_000, maxItems: 50 };

function trimString(value: string, maxString: number): string {
  return value.length > maxString ? `${value.slice(0, maxString - 1)}…` : value;
}

// Turns arbitrary SDK data into bounded JSON: long strings cut, long lists and objects
// shortened, deep nesting replaced, and non-JSON values (undefined, functions) dropped.
// Context is for humans and prompts; a megabyte of `extra` must not land in every row.
export function trimJson(
  value: unknown,
  limits: TrimLimits = defaultTrimLimits,
  depth = 0,
): JsonValue | undefined {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string") return trimString(value, limits.maxString);
  if (typeof value !== "object") return undefined;
  if (depth >= limits.maxDepth) return "[…]";
  if (Array.isArray(value)) {
    return value.slice(0, limits.maxItems).map((item) => trimJson(item, limits, depth + 1) ?? null);
  }
  const entries: [string, JsonValue][] = [];
  for (const [key, item] of Object.entries(value).slice(0, limits.maxItems)) {
    const trimmed = trimJson(item, limits, depth + 1);
    if (trimmed !== undefined) entries.push([trimString(key, 200), trimmed]);
  }
  return Object.fromEntries(entries);
}
