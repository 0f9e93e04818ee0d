import { z } from "zod";
import { type FilterReturn, filterReturnSchema } from "@/lib/filters/filter-types";

// The JSON the in-sandbox driver (sandbox-prelude.ts) hands back to the host.
// A snapshot describes a guest value without losing what JSON cannot carry
// (NaN, Infinity, functions, promises).
const valueSnapshotSchema = z.object({
  type: z.string(),
  value: z.union([z.boolean(), z.number(), z.string()]).optional(),
  text: z.string().optional(),
});

const returnSnapshotSchema = valueSnapshotSchema.extend({
  fields: z
    .object({
      match: valueSnapshotSchema,
      score: valueSnapshotSchema,
      note: valueSnapshotSchema,
    })
    .optional(),
});

export const filterOutcomeSchema = z.union([
  z.object({ returned: returnSnapshotSchema }),
  z.object({ missing: valueSnapshotSchema }),
]);

export const describedErrorSchema = z.object({
  isError: z.boolean(),
  name: z.string().optional(),
  message: z.string().optional(),
  stack: z.string().optional(),
  thrown: valueSnapshotSchema,
});

export type ValueSnapshot = z.infer<typeof valueSnapshotSchema>;
export type ReturnSnapshot = z.infer<typeof returnSnapshotSchema>;
export type DescribedError = z.infer<typeof describedErrorSchema>;

const MAX_QUOTED_LENGTH = 60;

export function describeSnapshot(snapshot: ValueSnapshot): string {
  switch (snapshot.type) {
    case "string": {
      const text = String(snapshot.value);
      const shown = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
      return JSON.stringify(shown);
    }
    case "number":
    case "bigint":
      return snapshot.text ?? String(snapshot.value);
    case "boolean":
      return String(snapshot.value);
    case "undefined":
    case "null":
      return snapshot.type;
    case "array":
      return "an array";
    case "promise":
      return "a Promise (filters must be synchronous)";
    default:
      return `${/^[aeiou]/.test(snapshot.type) ? "an" : "a"} ${snapshot.type}`;
  }
}

function describeReturn(snapshot: ReturnSnapshot): string {
  if (!snapshot.fields) return describeSnapshot(snapshot);
  const shown = Object.entries(snapshot.fields)
    .filter(([, field]) => field.type !== "undefined")
    .map(([key, field]) => `${key}: ${describeSnapshot(field)}`);
  return shown.length === 0 ? "an object without `match`" : `{ ${shown.join(", ")} }`;
}

// Anything the schema must reject decodes to a value of the wrong type.
function decodeValue(snapshot: ValueSnapshot): unknown {
  if (snapshot.type === "undefined") return undefined;
  if (snapshot.type === "null") return null;
  if (snapshot.type === "number" && snapshot.text !== undefined) return Number(snapshot.text);
  if (snapshot.value !== undefined) return snapshot.value;
  return { unsupported: snapshot.type };
}

export type DecodedReturn = { ok: true; value: FilterReturn } | { ok: false; message: string };

export function decodeFilterReturn(snapshot: ReturnSnapshot): DecodedReturn {
  const value = snapshot.fields
    ? Object.fromEntries(
        Object.entries(snapshot.fields).map(([key, field]) => [key, decodeValue(field)]),
      )
    : decodeValue(snapshot);
  const parsed = filterReturnSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    message: `filter returned ${describeReturn(snapshot)}; expected true, false or { match: boolean, score?: number, note?: string }`,
  };
}
