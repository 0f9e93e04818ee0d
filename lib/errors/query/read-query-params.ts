import type { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { zodIssuesToFields } from "@/lib/http/zod-fields";

// Query string → plain object for a zod schema. Repeatable parameters become arrays
// and also accept comma-separated values (`status=a,b` ≡ `status=a&status=b`).
function searchParamsToObject(
  params: URLSearchParams,
  repeatable: ReadonlySet<string>,
): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    if (repeatable.has(key)) {
      raw[key] = params
        .getAll(key)
        .flatMap((value) => value.split(","))
        .map((value) => value.trim())
        .filter((value) => value.length > 0);
    } else {
      raw[key] = params.get(key) ?? "";
    }
  }
  return raw;
}

export function readQueryParams<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  repeatable: ReadonlySet<string> = new Set(),
): z.infer<Schema> {
  const { searchParams } = new URL(request.url);
  const parsed = schema.safeParse(searchParamsToObject(searchParams, repeatable));
  if (!parsed.success) {
    throw new AppError(
      "validation_failed",
      "The query parameters are not valid.",
      zodIssuesToFields(parsed.error),
    );
  }
  return parsed.data;
}
