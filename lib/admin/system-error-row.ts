import type { Severity } from "@/lib/generated/prisma/enums";
import type { SystemErrorRecord } from "@/lib/system-errors/system-error-json";

// What one row of the console's table needs: the stack and context stay on the server
// until the detail page asks for them.
export type SystemErrorRow = {
  id: string;
  severity: Severity;
  component: string;
  errorType: string;
  message: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
};

export function toSystemErrorRow(record: SystemErrorRecord): SystemErrorRow {
  return {
    id: record.id,
    severity: record.severity,
    component: record.component,
    errorType: record.errorType,
    message: record.message,
    createdAt: record.createdAt,
    resolvedAt: record.resolvedAt,
    resolvedBy: record.resolvedBy ? (record.resolvedBy.name ?? record.resolvedBy.email) : null,
  };
}
