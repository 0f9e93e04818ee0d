import { getDb } from "@/lib/db";
import { isDatabaseUnavailableError } from "@/lib/db-availability/is-database-unavailable-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Severity } from "@/lib/generated/prisma/enums";
import { stripInvisibleCharacters } from "@/lib/ingest/sanitize-text";
import type { SystemErrorComponent } from "@/lib/system-errors/system-error-component";
import {
  createSystemErrorDeduper,
  type RepeatFlush,
} from "@/lib/system-errors/system-error-deduper";
import {
  type SystemErrorContext,
  toSystemErrorContext,
} from "@/lib/system-errors/to-system-error-context";

export type LogSystemErrorInput = {
  /** Stable snake_case name of what went wrong, e.g. "job_dead_letter". */
  errorType: string;
  severity: Severity;
  component: SystemErrorComponent;
  /** Summary; defaults to the error's "Name: message". */
  message?: string;
  /** The thrown value: its stack is stored. */
  error?: unknown;
  context?: SystemErrorContext;
  jobId?: string | null;
  traderId?: string | null;
  requestId?: string | null;
};

export type LogSystemErrorResult =
  | { stored: true; id: string }
  // duplicate: the same failure was stored moments ago; its row's count went up instead.
  // database_unavailable / write_failed: written to stderr as one JSON line instead.
  | { stored: false; reason: "duplicate" | "database_unavailable" | "write_failed" };

const MAX_MESSAGE_LENGTH = 2_000;
const MAX_STACK_LENGTH = 20_000;

const deduper = createSystemErrorDeduper();

type SystemErrorRecord = {
  errorType: string;
  severity: Severity;
  component: SystemErrorComponent;
  message: string;
  stackTrace: string | null;
  context: Prisma.InputJsonObject | null;
  jobId: string | null;
  traderId: string | null;
  requestId: string | null;
};

function clean(text: string, max: number): string {
  return stripInvisibleCharacters(text).slice(0, max);
}

function describeThrown(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function toRecord(input: LogSystemErrorInput): SystemErrorRecord {
  const thrown = describeThrown(input.error);
  const message = input.message ?? thrown ?? input.errorType;
  // With both a summary and an error, the error's own text must not be lost.
  const context =
    input.message !== undefined && thrown !== undefined
      ? { ...input.context, error: thrown }
      : input.context;
  const stack = input.error instanceof Error ? input.error.stack : undefined;
  return {
    errorType: clean(input.errorType, 100),
    severity: input.severity,
    component: input.component,
    message: clean(message, MAX_MESSAGE_LENGTH) || input.errorType,
    stackTrace: stack ? clean(stack, MAX_STACK_LENGTH) : null,
    context: toSystemErrorContext(context),
    jobId: input.jobId ?? null,
    traderId: input.traderId ?? null,
    requestId: input.requestId ?? null,
  };
}

// The fallback when the database cannot take the row: one JSON line a log drain can
// parse and alert on. Console output itself must not throw into the caller either.
function writeToStderr(
  record: Partial<SystemErrorRecord>,
  reason: "database_unavailable" | "write_failed",
  writeError: unknown,
): void {
  try {
    console.error(
      JSON.stringify({
        level: "error",
        source: "system_error",
        reason,
        occurred_at: new Date().toISOString(),
        error_type: record.errorType,
        severity: record.severity,
        component: record.component,
        message: record.message,
        stack_trace: record.stackTrace,
        context: record.context,
        job_id: record.jobId,
        trader_id: record.traderId,
        request_id: record.requestId,
        write_error: describeThrown(writeError)?.slice(0, MAX_MESSAGE_LENGTH),
      }),
    );
  } catch {
    // Nothing left to report to.
  }
}

async function recordRepeat(flush: RepeatFlush): Promise<void> {
  try {
    // Merged in the database: the row's own context is not kept in memory.
    await getDb().$executeRaw`
      UPDATE system_errors
      SET context = coalesce(context, '{}'::jsonb)
        || jsonb_build_object('occurrences', ${flush.occurrences}::int,
                              'last_occurred_at', ${flush.lastOccurredAt.toISOString()}::text)
      WHERE id = ${flush.rowId}::uuid`;
  } catch {
    // A lost count is not worth a second failure report.
  }
}

/**
 * Records a failure of Faultline's own machinery (job crash, delivery failure, provider
 * outage, circuit opening…) in `system_errors`, for the admin console and /api/health.
 * Never throws and never rejects: when the row cannot be written (the database is the
 * thing that is down) the error goes to stderr as structured JSON instead. Identical
 * failures repeating within a minute are counted on the first row (see
 * system-error-deduper.ts) rather than stored again.
 */
export async function logSystemError(input: LogSystemErrorInput): Promise<LogSystemErrorResult> {
  let record: Partial<SystemErrorRecord> = {
    errorType: input.errorType,
    severity: input.severity,
    component: input.component,
    message: input.message,
  };
  try {
    const full = toRecord(input);
    record = full;
    const key = `${full.component}\u0000${full.errorType}\u0000${full.message}`;
    const decision = deduper.check(key);
    if (decision.kind === "repeat") {
      if (decision.flush) await recordRepeat(decision.flush);
      return { stored: false, reason: "duplicate" };
    }
    try {
      const row = await getDb().systemError.create({
        data: { ...full, context: full.context ?? undefined },
        select: { id: true },
      });
      deduper.remember(key, row.id);
      return { stored: true, id: row.id };
    } catch (error) {
      deduper.remember(key, null);
      const reason = isDatabaseUnavailableError(error) ? "database_unavailable" : "write_failed";
      writeToStderr(full, reason, error);
      return { stored: false, reason };
    }
  } catch (error) {
    writeToStderr(record, "write_failed", error);
    return { stored: false, reason: "write_failed" };
  }
}
