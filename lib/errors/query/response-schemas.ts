import { z } from "zod";
import {
  ActivityKind,
  ActorKind,
  ErrorGroupStatus,
  EventSource,
  ExecutionErrorType,
} from "@/lib/generated/prisma/enums";

// Wire shapes of the error-group read/write API (snake_case like POST /api/errors).
// The serializers are typed against these, so the OpenAPI document cannot drift
// from what the handlers actually send.
const isoDateTime = z.iso.datetime({ offset: true });

export const errorGroupJsonSchema = z.object({
  id: z.uuid(),
  trader_id: z.uuid(),
  trader: z.object({ id: z.uuid(), name: z.string() }),
  error_type: z.enum(ExecutionErrorType),
  title: z.string(),
  culprit: z.string().nullable(),
  error_hash: z.string(),
  status: z.enum(ErrorGroupStatus),
  event_count: z.int(),
  first_seen_at: isoDateTime,
  last_seen_at: isoDateTime,
  resolved_at: isoDateTime.nullable(),
  regressed_at: isoDateTime.nullable(),
  regression_count: z.int(),
  ignored_until: isoDateTime.nullable(),
  ignored_until_count: z.int().nullable(),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});
export type ErrorGroupJson = z.infer<typeof errorGroupJsonSchema>;

export const errorEventJsonSchema = z.object({
  id: z.uuid(),
  event_id: z.string().meta({ description: "Client event_id or Idempotency-Key." }),
  group_id: z.uuid(),
  trader_id: z.uuid(),
  source: z.enum(EventSource),
  error_type: z.enum(ExecutionErrorType),
  error_message: z.string(),
  stack_trace: z.string().nullable(),
  trigger_interval: z.string().nullable(),
  symbols_processed: z.int().nullable(),
  execution_duration_ms: z.int().nullable(),
  code_version_id: z.uuid().nullable(),
  filter_code_snapshot: z.string().nullable(),
  context: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: "The context object the executor sent, if any." }),
  error_hash: z.string(),
  occurred_at: isoDateTime,
  received_at: isoDateTime,
});
export type ErrorEventJson = z.infer<typeof errorEventJsonSchema>;

export const groupActivityJsonSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ActivityKind),
  actor_kind: z.enum(ActorKind),
  actor_user_id: z.uuid().nullable(),
  from_status: z.enum(ErrorGroupStatus).nullable(),
  to_status: z.enum(ErrorGroupStatus).nullable(),
  note: z.string().nullable(),
  created_at: isoDateTime,
});
export type GroupActivityJson = z.infer<typeof groupActivityJsonSchema>;

const nextCursor = z
  .string()
  .nullable()
  .meta({ description: "Pass as cursor to get the next page; null on the last page." });

export const errorGroupListResponseSchema = z.object({
  data: z.array(errorGroupJsonSchema),
  next_cursor: nextCursor,
});
export type ErrorGroupListJson = z.infer<typeof errorGroupListResponseSchema>;

export const errorEventListResponseSchema = z.object({
  data: z.array(errorEventJsonSchema),
  next_cursor: nextCursor,
});
export type ErrorEventListJson = z.infer<typeof errorEventListResponseSchema>;

export const errorGroupDetailResponseSchema = z.object({
  group: errorGroupJsonSchema,
  latest_event: errorEventJsonSchema.nullable(),
  stats: z.object({
    event_count: z.int(),
    first_seen_at: isoDateTime,
    last_seen_at: isoDateTime,
    events_last_24h: z.int(),
    affected_symbols: z
      .array(z.string())
      .max(20)
      .meta({ description: "Distinct context.symbol values, most recently seen first." }),
  }),
});
export type ErrorGroupDetailJson = z.infer<typeof errorGroupDetailResponseSchema>;

export const changeGroupStatusResponseSchema = z.object({
  group: errorGroupJsonSchema,
  activity: groupActivityJsonSchema
    .nullable()
    .meta({ description: "The recorded transition; null when the status was already set." }),
});
export type ChangeGroupStatusJson = z.infer<typeof changeGroupStatusResponseSchema>;
