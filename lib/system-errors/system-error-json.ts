import type { Prisma } from "@/lib/generated/prisma/client";

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

// The admin API's wire format (snake_case, ISO dates).
export function toSystemErrorJson(row: SystemErrorRecord) {
  return {
    id: row.id,
    error_type: row.errorType,
    severity: row.severity,
    component: row.component,
    message: row.message,
    stack_trace: row.stackTrace,
    context: row.context,
    job_id: row.jobId,
    trader_id: row.traderId,
    request_id: row.requestId,
    created_at: row.createdAt.toISOString(),
    resolved_at: row.resolvedAt?.toISOString() ?? null,
    resolved_by: row.resolvedBy,
    resolution_notes: row.resolutionNotes,
  };
}

export type SystemErrorJson = ReturnType<typeof toSystemErrorJson>;
