import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Severity } from "@/lib/generated/prisma/enums";
import type { SystemErrorStats } from "@/lib/system-errors/get-system-error-stats";
import { systemErrorComponentSchema } from "@/lib/system-errors/system-error-component";

export const systemErrorSelect = {
  id: true,
  errorType: true,
  severity: true,
  component: true,
  message: true,
  stackTrace: true,
  context: true,
  jobId: true,
  traderId: true,
  requestId: true,
  createdAt: true,
  resolvedAt: true,
  resolutionNotes: true,
  resolvedBy: { select: { id: true, email: true, name: true } },
} as const satisfies Prisma.SystemErrorSelect;

export type SystemErrorRecord = Prisma.SystemErrorGetPayload<{ select: typeof systemErrorSelect }>;

// Wire shapes of the admin system-errors API (snake_case, ISO dates). The serializers
// are typed by these schemas and the OpenAPI document is generated from them, so the
// document cannot drift from what the handlers send.
const isoDateTime = z.iso.datetime({ offset: true });

export const systemErrorJsonSchema = z.object({
  id: z.uuid(),
  error_type: z.string().meta({ description: 'Stable snake_case name, e.g. "job_dead_letter".' }),
  severity: z.enum(Severity),
  // Stored as text: a string here, so a row whose name left today's list still serializes.
  component: z.string().meta({
    description: `The failing part of Faultline: ${systemErrorComponentSchema.options.join(", ")}.`,
  }),
  message: z.string(),
  stack_trace: z.string().nullable(),
  context: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: "What the failing code had at hand (sanitized, size-capped)." }),
  job_id: z.string().nullable(),
  trader_id: z.string().nullable(),
  request_id: z.string().nullable(),
  created_at: isoDateTime,
  resolved_at: isoDateTime.nullable(),
  resolved_by: z
    .object({ id: z.uuid(), email: z.string(), name: z.string().nullable() })
    .nullable()
    .meta({ description: "The admin who resolved it; null while unresolved or once deleted." }),
  resolution_notes: z.string().nullable(),
});

export type SystemErrorJson = z.infer<typeof systemErrorJsonSchema>;

export const systemErrorListJsonSchema = z.object({
  data: z.array(systemErrorJsonSchema).meta({ description: "Newest first." }),
  next_cursor: z
    .string()
    .nullable()
    .meta({ description: "Pass as cursor to get the next page; null on the last page." }),
});

export type SystemErrorListJson = z.infer<typeof systemErrorListJsonSchema>;

export const resolveSystemErrorJsonSchema = z.object({ system_error: systemErrorJsonSchema });

export type ResolveSystemErrorJson = z.infer<typeof resolveSystemErrorJsonSchema>;

export const systemErrorStatsJsonSchema = z.object({
  total: z.int(),
  unresolved: z.int(),
  last_24h: z.int().meta({ description: "Logged in the last 24 hours." }),
  critical_unresolved: z.int(),
  by_type_per_day: z
    .array(
      z.object({
        day: z.iso.date().meta({ description: "UTC day." }),
        counts: z
          .record(z.string(), z.int())
          .meta({ description: "Errors logged that day per error_type; absent types had none." }),
      }),
    )
    .meta({ description: "The last 14 UTC days, oldest first, today last; empty days included." }),
});

export type SystemErrorStatsJson = z.infer<typeof systemErrorStatsJsonSchema>;

// log-system-error only stores JSON objects (or SQL NULL) in context.
function toContextJson(context: Prisma.JsonValue): Prisma.JsonObject | null {
  return typeof context === "object" && context !== null && !Array.isArray(context)
    ? context
    : null;
}

export function toSystemErrorJson(row: SystemErrorRecord): SystemErrorJson {
  return {
    id: row.id,
    error_type: row.errorType,
    severity: row.severity,
    component: row.component,
    message: row.message,
    stack_trace: row.stackTrace,
    context: toContextJson(row.context),
    job_id: row.jobId,
    trader_id: row.traderId,
    request_id: row.requestId,
    created_at: row.createdAt.toISOString(),
    resolved_at: row.resolvedAt?.toISOString() ?? null,
    resolved_by: row.resolvedBy,
    resolution_notes: row.resolutionNotes,
  };
}

export function toSystemErrorStatsJson(stats: SystemErrorStats): SystemErrorStatsJson {
  return {
    total: stats.total,
    unresolved: stats.unresolved,
    last_24h: stats.last24h,
    critical_unresolved: stats.criticalUnresolved,
    by_type_per_day: stats.byTypePerDay,
  };
}
