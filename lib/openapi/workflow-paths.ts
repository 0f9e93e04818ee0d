import { toQueryParameters } from "@/lib/openapi/query-parameters";
import { toInlineSchema } from "@/lib/openapi/zod-to-openapi-schema";
import {
  createScheduleBodySchema,
  createScheduleResponseSchema,
  listSchedulesQuerySchema,
  reportRunAlreadyProcessedSchema,
  reportRunBodySchema,
  reportRunProcessedSchema,
  scheduleInactiveProblemSchema,
  scheduleListResponseSchema,
  scheduleResponseSchema,
  stopScheduleBodySchema,
} from "@/lib/workflows/workflow-schemas";

// The executor schedule API (app/api/executor/schedules/**) for the OpenAPI document.
// Self-contained like executor-paths.ts: inline schemas, and problem responses that
// point at the components build-openapi-document.ts already defines, so including
// these paths is one spread into its buildPaths().

type ProblemStatus = "400" | "401" | "404" | "413" | "422" | "429" | "503";

function problems(...statuses: ProblemStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { $ref: `#/components/responses/Problem${status}` }]),
  );
}

function json(description: string, schema: object) {
  return { description, content: { "application/json": { schema } } };
}

function body(schema: object) {
  return { required: true, content: { "application/json": { schema } } };
}

const scheduleIdParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "Workflow schedule id.",
  schema: { type: "string", format: "uuid" },
};

// The run's error is exactly POST /api/errors' event: point at that component instead
// of inlining it (its recursive JSON context would leave a dangling local $defs ref).
function reportRunBody(): object {
  const { $defs: _defs, ...schema } = toInlineSchema(reportRunBodySchema);
  const properties = schema.properties;
  const fields = typeof properties === "object" && properties !== null ? properties : {};
  return {
    ...schema,
    properties: {
      ...fields,
      error: {
        $ref: "#/components/schemas/ErrorEvent",
        description:
          "Required when outcome is error: one event exactly as POST /api/errors takes it. " +
          "Without event_id one is derived from the schedule and candle, so a retry is a replay.",
      },
    },
  };
}

// Executors authenticate with an API key only, never a browser session.
const apiKeySecurity = [{ bearerAuth: [] }];

export const workflowPaths = {
  "/api/executor/schedules": {
    post: {
      operationId: "createWorkflowSchedule",
      summary: "Create a workflow schedule, or get the existing one.",
      description:
        "Idempotent per trader + workflow_type + entity_id: an existing schedule is " +
        "answered with 200 and created false, as it is (a stopped one stays stopped).",
      security: apiKeySecurity,
      requestBody: body(toInlineSchema(createScheduleBodySchema)),
      responses: {
        "200": json("It already existed.", toInlineSchema(createScheduleResponseSchema)),
        "201": json("Created.", toInlineSchema(createScheduleResponseSchema)),
        ...problems("400", "401", "404", "422", "503"),
      },
    },
    get: {
      operationId: "listWorkflowSchedules",
      summary: "The key's schedules: what an executor reloads on restart.",
      description:
        "Resume each active schedule after its last_candle_time; re-reporting an " +
        "older candle is answered already_processed.",
      security: apiKeySecurity,
      parameters: toQueryParameters(listSchedulesQuerySchema),
      responses: {
        "200": json("The schedules.", toInlineSchema(scheduleListResponseSchema)),
        ...problems("401", "404", "422", "503"),
      },
    },
  },
  "/api/executor/schedules/{id}/runs": {
    parameters: [scheduleIdParameter],
    post: {
      operationId: "reportWorkflowRun",
      summary: "Report the run of one candle: ok, or error with the error event.",
      description:
        "Each candle is processed at most once per schedule. The error is ingested like " +
        "POST /api/errors (idempotent by event_id). consecutive_errors resets on ok; " +
        "reaching the limit stops the schedule (error_limit_exceeded) and notifies its owner.",
      security: apiKeySecurity,
      requestBody: body(reportRunBody()),
      responses: {
        "200": json(
          "This candle was already recorded; nothing changed.",
          toInlineSchema(reportRunAlreadyProcessedSchema),
        ),
        "201": json("Recorded.", toInlineSchema(reportRunProcessedSchema)),
        "409": {
          description: "The schedule is stopped (code schedule_inactive): stop running it.",
          content: {
            "application/problem+json": { schema: toInlineSchema(scheduleInactiveProblemSchema) },
          },
        },
        ...problems("400", "401", "404", "413", "422", "429", "503"),
      },
    },
  },
  "/api/executor/schedules/{id}/stop": {
    parameters: [scheduleIdParameter],
    post: {
      operationId: "stopWorkflowSchedule",
      summary: "Stop a schedule with a reason.",
      description: "Idempotent: a stopped schedule keeps its first reason and stop time.",
      security: apiKeySecurity,
      requestBody: body(toInlineSchema(stopScheduleBodySchema)),
      responses: {
        "200": json("The stopped schedule.", toInlineSchema(scheduleResponseSchema)),
        ...problems("400", "401", "404", "422", "503"),
      },
    },
  },
};
