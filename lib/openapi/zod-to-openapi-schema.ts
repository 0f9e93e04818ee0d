import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

const componentRef = (name: string) => `#/components/schemas/${name}`;

// Rewrites in place every $ref into the schema's own $defs so it points at the hoisted
// component instead: in OpenAPI, "#/..." resolves against the whole document.
function rewriteDefRefs(node: unknown, rename: (def: string) => string): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteDefRefs(item, rename);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/")) {
      Reflect.set(node, key, componentRef(rename(value.slice("#/$defs/".length))));
    } else {
      rewriteDefRefs(value, rename);
    }
  }
}

function collectComponentRefs(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectComponentRefs(item, into);
  } else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") into.add(value);
      else collectComponentRefs(value, into);
    }
  }
  return into;
}

// Converts named zod schemas into OpenAPI 3.1 components (JSON Schema 2020-12).
// A named schema nested inside another becomes a $ref to its component, and
// zod's local $defs (recursive JSON values) are hoisted under a prefixed name.
export function toComponentSchemas(named: Record<string, z.ZodType>): Record<string, JsonSchema> {
  const nameOf = new Map<unknown, string>(
    Object.entries(named).map(([name, schema]) => [schema, name]),
  );
  const components: Record<string, JsonSchema> = {};
  const hoisted = new Set<string>();
  for (const [name, schema] of Object.entries(named)) {
    const {
      $schema: _dialect,
      $defs,
      ...root
    } = z.toJSONSchema(schema, {
      // Request bodies and query parameters are documented as clients send them.
      io: "input",
      override: ({ zodSchema, jsonSchema }) => {
        const target = nameOf.get(zodSchema);
        if (!target || target === name) return;
        for (const key of Object.keys(jsonSchema)) Reflect.deleteProperty(jsonSchema, key);
        jsonSchema.$ref = componentRef(target);
      },
    });
    const rename = (def: string) => `${name}${def.startsWith("_") ? "" : "_"}${def}`;
    for (const [def, defSchema] of Object.entries($defs ?? {})) {
      rewriteDefRefs(defSchema, rename);
      components[rename(def)] = defSchema;
      hoisted.add(rename(def));
    }
    rewriteDefRefs(root, rename);
    components[name] = root;
  }
  // A nested named schema was swapped for a $ref after zod had already collected its
  // $defs; drop the ones nothing points at any more.
  const used = collectComponentRefs(components, new Set());
  for (const name of hoisted) {
    if (!used.has(componentRef(name))) Reflect.deleteProperty(components, name);
  }
  return components;
}

// A standalone schema (query parameter); no named components are expected inside.
export function toInlineSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input" });
  return json;
}
