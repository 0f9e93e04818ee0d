import { z } from "zod";
import { type AppErrorCode, appErrorStatus } from "@/lib/http/app-error";

// Object.keys loses the key type; the codes are exactly appErrorStatus's keys.
const appErrorCodes = Object.keys(appErrorStatus) as AppErrorCode[];

// The RFC 9457 body handleApiError sends (lib/http/problem.ts), for the OpenAPI document.
export const problemSchema = z
  .object({
    type: z.string().meta({ description: "URI naming the problem code." }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.enum([...appErrorCodes, "internal_error"]),
    errors: z
      .array(
        z.object({
          path: z.string().meta({ description: "Dotted path of the offending field." }),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ description: "Problem details (application/problem+json)." });
