// Walking a served OpenAPI document in tests: JSON paths, $ref pointers, every $ref.
export type Json = Record<string, unknown>;

export function at(node: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === "object" && current !== null ? Reflect.get(current, key) : undefined,
    node,
  );
}

// JSON Pointer escapes: ~1 is "/", ~0 is "~".
export function resolveRef(document: Json, ref: string): unknown {
  const parts = ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
  return at(document, ...parts);
}

export function collectRefs(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, into);
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") into.push(value);
      else collectRefs(value, into);
    }
  }
  return into;
}
