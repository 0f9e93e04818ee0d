import { z } from "zod";
import { ExecutionErrorType } from "@/lib/generated/prisma/enums";

export const MAX_EVENTS_PER_BATCH = 100;

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

// The wire format is snake_case, matching the columns of trader_execution_errors.
export const errorEventSchema = z.strictObject({
  event_id: z.uuid().optional(),
  trader_id: z.uuid().optional(),
  error_type: z.enum(ExecutionErrorType),
  error_message: text(10_000).min(1, "must not be empty"),
  stack_trace: text(100_000).optional(),
  trigger_interval: text(32).optional(),
  symbols_processed: z.int().min(0).max(1_000_000).optional(),
  execution_duration_ms: z.int().min(0).max(86_400_000).optional(),
  code_version_id: z.uuid().optional(),
  filter_code_snapshot: text(200_000).optional(),
  context: z.record(z.string(), z.json()).optional(),
  occurred_at: z.iso.datetime({ offset: true }).optional(),
  fingerprint: z.array(text(200)).min(1).max(10).optional(),
});

export const batchBodySchema = z.strictObject({
  events: z.array(errorEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export type ErrorEventInput = z.infer<typeof errorEventSchema>;

// A body with an `events` key is a batch; anything else is validated as a single
// event, so validation errors point at the fields the sender actually meant.
export function isBatchBody(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) && "events" in raw;
}
