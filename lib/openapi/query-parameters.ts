import type { z } from "zod";
import { type JsonSchema, toInlineSchema } from "@/lib/openapi/zod-to-openapi-schema";

export type OpenApiParameter = {
  name: string;
  in: "query" | "path";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  style?: "form";
  explode?: boolean;
};

// One OpenAPI query parameter per key of a query schema (all optional or defaulted).
export function toQueryParameters(
  schema: z.ZodObject,
  repeatable: ReadonlySet<string> = new Set(),
): OpenApiParameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = toInlineSchema(field);
    const description = typeof json.description === "string" ? json.description : undefined;
    return {
      name,
      in: "query",
      required: false,
      ...(description ? { description } : {}),
      schema: json,
      ...(repeatable.has(name) ? { style: "form", explode: true } : {}),
    };
  });
}
