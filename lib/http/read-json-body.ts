import type { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { zodIssuesToFields } from "@/lib/http/zod-fields";

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unparseable";
    throw new AppError("invalid_json", `The request body is not valid JSON: ${reason}`);
  }
}

export function parseBody<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      "validation_failed",
      "The request body does not match the schema.",
      zodIssuesToFields(parsed.error),
    );
  }
  return parsed.data;
}

// Parse, never cast: malformed JSON and schema mismatches both become typed 4xx errors.
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  return parseBody(schema, await readJson(request));
}
