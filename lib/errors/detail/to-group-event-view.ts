import { type ParsedStackTrace, parseStackTrace } from "@/lib/errors/detail/parse-stack-trace";
import type { ErrorEventRecord } from "@/lib/errors/query/error-group-json";
import type { Prisma } from "@/lib/generated/prisma/client";

// What the detail page shows of one event. The stack is parsed on the server because
// the in-app rule lives with the grouping code, which is server-only.
export type GroupEventView = Pick<
  ErrorEventRecord,
  | "id"
  | "source"
  | "errorType"
  | "errorMessage"
  | "triggerInterval"
  | "symbolsProcessed"
  | "executionDurationMs"
  | "codeVersionId"
  | "occurredAt"
> & {
  symbol: string | null;
  context: Prisma.JsonObject | null;
  stack: ParsedStackTrace | null;
};

function asJsonObject(value: Prisma.JsonValue): Prisma.JsonObject | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}

export function toGroupEventView(event: ErrorEventRecord): GroupEventView {
  const context = asJsonObject(event.context);
  const symbol = context?.symbol;
  return {
    id: event.id,
    source: event.source,
    errorType: event.errorType,
    errorMessage: event.errorMessage,
    triggerInterval: event.triggerInterval,
    symbolsProcessed: event.symbolsProcessed,
    executionDurationMs: event.executionDurationMs,
    codeVersionId: event.codeVersionId,
    occurredAt: event.occurredAt,
    symbol: typeof symbol === "string" ? symbol : null,
    context,
    stack: event.stackTrace ? parseStackTrace(event.stackTrace) : null,
  };
}
