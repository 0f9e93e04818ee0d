import { z } from "zod";
import { Severity } from "@/lib/generated/prisma/enums";
import { systemErrorComponentSchema } from "@/lib/system-errors/system-error-component";

export const MAX_SYSTEM_ERROR_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 50;

const isoDateTime = z.iso.datetime({ offset: true });

// GET /api/admin/system-errors query string. Large pages are clamped, not rejected.
export const listSystemErrorsQuerySchema = z.object({
  severity: z
    .array(z.enum(Severity))
    .min(1)
    .optional()
    .meta({ description: "Only these severities; repeat the parameter for several." }),
  error_type: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Exact error_type, e.g. "job_dead_letter".' }),
  component: systemErrorComponentSchema.optional().meta({ description: "Only this component." }),
  unresolved: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true")
    .meta({ description: "1 or true: only errors not resolved yet." }),
  since: isoDateTime.optional().meta({ description: "created_at on or after (inclusive)." }),
  until: isoDateTime.optional().meta({ description: "created_at before (exclusive)." }),
  cursor: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .meta({ description: "next_cursor of the previous page." }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((limit) => Math.min(limit, MAX_SYSTEM_ERROR_PAGE_SIZE))
    .meta({
      description: `Page size; larger values are clamped to ${MAX_SYSTEM_ERROR_PAGE_SIZE}.`,
    }),
});

export const systemErrorRepeatableParams = new Set(["severity"]);

export const resolutionNotesSchema = z
  .string()
  .trim()
  .min(1, "Say how the error was resolved.")
  .max(2_000, "Use at most 2000 characters.");

export const resolveSystemErrorBodySchema = z.strictObject({
  resolution_notes: resolutionNotesSchema.meta({ description: "How the error was resolved." }),
});
