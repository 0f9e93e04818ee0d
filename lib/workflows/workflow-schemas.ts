import { z } from "zod";
import { RunOutcome, WorkflowType } from "@/lib/generated/prisma/enums";
import { errorEventSchema } from "@/lib/ingest/error-event-schema";
import { STOP_REASON_ERROR_LIMIT } from "@/lib/workflows/stop-reasons";

// Wire shapes of the executor schedule API (snake_case like the rest of the public
// API), shared by the route handlers and the OpenAPI document.
const isoDateTime = z.iso.datetime({ offset: true });
const nullableIsoDateTime = isoDateTime.nullable();

export const createScheduleBodySchema = z.object({
  workflow_type: z.enum(WorkflowType),
  entity_id: z.string().trim().min(1).max(200).meta({
    description: "The executor's own id of what it monitors; unique per trader and type.",
  }),
  trader_id: z.uuid(),
  symbol: z.string().trim().min(1).max(64),
  interval: z.string().trim().min(1).max(32).meta({ description: "Candle interval, e.g. 1m." }),
});
export type CreateScheduleBody = z.infer<typeof createScheduleBodySchema>;

export const listSchedulesQuerySchema = z.object({
  trader_id: z.uuid().optional().meta({
    description: "Only this trader's schedules. Default: every trader the key may run.",
  }),
  active: z.enum(["true", "false", "all"]).default("true").meta({
    description: "true (default): the schedules to run after a restart; false: stopped ones.",
  }),
});
export type ListSchedulesQuery = z.infer<typeof listSchedulesQuerySchema>;

export const reportRunBodySchema = z
  .object({
    candle_time: isoDateTime.meta({
      description: "Close time of the candle this run processed; each is processed once.",
    }),
    outcome: z.enum(RunOutcome),
    code_version_id: z
      .uuid()
      .optional()
      .meta({
        description:
          "The trader's code version this run executed (from GET /api/executor/traders/:id/code). " +
          "A deployed fix's watch counts only clean runs of that version or a later one; " +
          "runs without it are counted as they come. An id that is not the trader's is ignored.",
      }),
    error: errorEventSchema.optional().meta({
      description:
        "Required when outcome is error: one event exactly as POST /api/errors takes it. " +
        "Without event_id one is derived from the schedule and candle, so a retry is a replay.",
    }),
  })
  .superRefine((body, context) => {
    if (body.outcome === "error" && !body.error) {
      context.addIssue({
        code: "custom",
        path: ["error"],
        message: "Required when outcome is error",
      });
    }
    if (body.outcome === "ok" && body.error) {
      context.addIssue({
        code: "custom",
        path: ["error"],
        message: "Only allowed when outcome is error",
      });
    }
  });
export type ReportRunBody = z.infer<typeof reportRunBodySchema>;

export const stopScheduleBodySchema = z.object({
  reason: z.string().trim().min(1).max(200),
});

export const scheduleJsonSchema = z.object({
  id: z.uuid(),
  workflow_type: z.enum(WorkflowType),
  entity_id: z.string(),
  trader_id: z.uuid(),
  symbol: z.string(),
  interval: z.string(),
  is_active: z.boolean().meta({ description: "Run the schedule only while true." }),
  last_candle_time: nullableIsoDateTime.meta({
    description: "The latest candle processed: resume after it when restarting.",
  }),
  last_run_at: nullableIsoDateTime,
  execution_count: z.int().min(0),
  consecutive_errors: z.int().min(0),
  last_error: z.string().nullable(),
  last_error_at: nullableIsoDateTime,
  started_at: isoDateTime,
  stopped_at: nullableIsoDateTime,
  stop_reason: z
    .string()
    .nullable()
    .meta({
      description: `Why it stopped: the executor's reason, or ${STOP_REASON_ERROR_LIMIT}.`,
    }),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});
export type ScheduleJson = z.infer<typeof scheduleJsonSchema>;

export const createScheduleResponseSchema = z.object({
  schedule: scheduleJsonSchema,
  created: z.boolean().meta({ description: "False when the schedule already existed." }),
});

export const scheduleListResponseSchema = z.object({ schedules: z.array(scheduleJsonSchema) });

export const scheduleResponseSchema = z.object({ schedule: scheduleJsonSchema });

export const runJsonSchema = z.object({
  id: z.uuid(),
  candle_time: isoDateTime,
  outcome: z.enum(RunOutcome),
  code_version_id: z.uuid().nullable(),
  error_event_id: z.uuid().nullable(),
});
export type RunJson = z.infer<typeof runJsonSchema>;

export const reportRunProcessedSchema = z.object({
  status: z.literal("processed"),
  run: runJsonSchema,
  schedule: scheduleJsonSchema,
  error: z
    .object({
      event_id: z.string(),
      group_id: z.uuid(),
      replayed: z.boolean().meta({ description: "True when the event_id was already stored." }),
    })
    .optional(),
  disabled: z.boolean().meta({
    description: "True when this run reached the error limit and stopped the schedule.",
  }),
});

export const reportRunAlreadyProcessedSchema = z.object({
  status: z.literal("already_processed"),
  run: runJsonSchema,
  schedule: scheduleJsonSchema,
});

export type ReportRunResponse =
  | z.infer<typeof reportRunProcessedSchema>
  | z.infer<typeof reportRunAlreadyProcessedSchema>;

export const scheduleInactiveProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(409),
  detail: z.string(),
  code: z.literal("schedule_inactive"),
  schedule: scheduleJsonSchema,
});
