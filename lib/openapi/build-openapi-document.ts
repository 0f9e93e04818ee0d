import {
  changeGroupStatusResponseSchema,
  errorEventJsonSchema,
  errorEventListResponseSchema,
  errorGroupDetailResponseSchema,
  errorGroupJsonSchema,
  errorGroupListResponseSchema,
  groupActivityJsonSchema,
} from "@/lib/errors/query/response-schemas";
import {
  changeGroupStatusBodySchema,
  listErrorGroupsQuerySchema,
  listGroupEventsQuerySchema,
  repeatableQueryParams,
} from "@/lib/errors/query/schemas";
import { batchBodySchema, errorEventSchema } from "@/lib/ingest/error-event-schema";
import { adminPaths } from "@/lib/openapi/admin-paths";
import { executorPaths } from "@/lib/openapi/executor-paths";
import { healthPaths } from "@/lib/openapi/health-paths";
import { ingestBatchResultSchema, ingestResultSchema } from "@/lib/openapi/ingest-response-schemas";
import { problemSchema } from "@/lib/openapi/problem-schema";
import { type OpenApiParameter, toQueryParameters } from "@/lib/openapi/query-parameters";
import { workflowPaths } from "@/lib/openapi/workflow-paths";
import { toComponentSchemas } from "@/lib/openapi/zod-to-openapi-schema";
import { fixPreviewBodySchema } from "@/lib/preview/preview-request-schema";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });

function ok(description: string, schema: object) {
  return { description, content: json(schema) };
}

// Problem responses shared by every operation, keyed by status.
const problemResponses = {
  "400": "Malformed JSON.",
  "401": "Missing or invalid credentials.",
  "404": "No such resource for this user (other users' resources are never revealed).",
  "409": "The requested change conflicts with the resource's state.",
  "413": "Body too large.",
  "422": "A field is invalid; `errors` names it.",
  "429": "Rate limited; see Retry-After.",
  "503": "Temporarily unavailable; see Retry-After.",
} as const;
type ProblemStatus = keyof typeof problemResponses;

function problems(...statuses: ProblemStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { $ref: `#/components/responses/Problem${status}` }]),
  );
}

const groupIdParameter: OpenApiParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "Error group id.",
  schema: { type: "string", format: "uuid" },
};

// Both credentials work on the read/triage endpoints; ingest takes API keys only.
const userSecurity = [{ bearerAuth: [] }, { sessionCookie: [] }];

function buildPaths() {
  return {
    "/api/errors": {
      post: {
        operationId: "ingestErrorEvents",
        summary: "Report one failed filter run, or a batch of them.",
        security: [{ bearerAuth: [] }],
        requestBody: {
          required: true,
          content: json({ oneOf: [ref("ErrorEvent"), ref("ErrorEventBatch")] }),
        },
        responses: {
          "200": ok("Every event was a replay of a stored one.", {
            oneOf: [ref("IngestResult"), ref("IngestBatchResult")],
          }),
          "201": ok("Stored.", { oneOf: [ref("IngestResult"), ref("IngestBatchResult")] }),
          ...problems("400", "401", "404", "413", "422", "429", "503"),
        },
      },
      get: {
        operationId: "listErrorGroups",
        summary: "List error groups with filters, sorting and cursor pagination.",
        security: userSecurity,
        parameters: toQueryParameters(listErrorGroupsQuerySchema, repeatableQueryParams),
        responses: {
          "200": ok("One page of error groups.", ref("ErrorGroupList")),
          ...problems("401", "422"),
        },
      },
    },
    "/api/errors/{id}": {
      parameters: [groupIdParameter],
      get: {
        operationId: "getErrorGroup",
        summary: "An error group with its latest event and stats.",
        security: userSecurity,
        responses: {
          "200": ok("The error group.", ref("ErrorGroupDetail")),
          ...problems("401", "404"),
        },
      },
      patch: {
        operationId: "changeErrorGroupStatus",
        summary: "Resolve, reopen (unresolved) or ignore an error group.",
        description:
          "regressed, fix_proposed and fix_deployed are set by Faultline only (409). " +
          "Setting the current status again is a no-op answered with activity null.",
        security: userSecurity,
        requestBody: { required: true, content: json(ref("ChangeGroupStatusRequest")) },
        responses: {
          "200": ok("The group after the change.", ref("ChangeGroupStatusResponse")),
          ...problems("400", "401", "404", "409", "422"),
        },
      },
    },
    "/api/errors/{id}/events": {
      parameters: [groupIdParameter],
      get: {
        operationId: "listErrorGroupEvents",
        summary: "The group's events, newest first, with cursor pagination.",
        security: userSecurity,
        parameters: toQueryParameters(listGroupEventsQuerySchema),
        responses: {
          "200": ok("One page of events.", ref("ErrorEventList")),
          ...problems("401", "404", "422"),
        },
      },
    },
    ...executorPaths,
    ...workflowPaths,
    ...adminPaths,
    ...healthPaths,
    "/api/errors/{id}/preview": {
      parameters: [groupIdParameter],
      post: {
        operationId: "previewErrorGroupFix",
        summary: "Run the group's code and the given code on the same inputs, streamed.",
        description:
          "Inputs: the failing input, recent real inputs, synthetic markets, edge cases and a " +
          "fixed universe of ~30 symbols. The 200 body is newline-delimited JSON, one message " +
          'per line: `{"type":"progress","done","total"}` several times, then one ' +
          '`{"type":"result","preview"}`, or one `{"type":"error","title","detail"}` if the ' +
          "run fails after the status was sent. Previews are CPU-bound: past " +
          "`PREVIEW_MAX_PER_USER` running previews of one user (or `PREVIEW_MAX_IN_FLIGHT` in " +
          "all) the answer is 429 with `Retry-After`.",
        security: userSecurity,
        requestBody: { required: true, content: json(ref("FixPreviewRequest")) },
        responses: {
          "200": {
            description: "The preview as it runs (application/x-ndjson, not cached).",
            content: {
              "application/x-ndjson": {
                schema: {
                  type: "object",
                  required: ["type"],
                  properties: { type: { enum: ["progress", "result", "error"] } },
                },
              },
            },
          },
          ...problems("400", "401", "404", "422", "429"),
        },
      },
    },
    "/api/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document.",
        security: [],
        responses: { "200": ok("OpenAPI 3.1 document.", { type: "object" }) },
      },
    },
  };
}

function buildComponents() {
  return {
    schemas: toComponentSchemas({
      ErrorEvent: errorEventSchema,
      ErrorEventBatch: batchBodySchema,
      IngestResult: ingestResultSchema,
      IngestBatchResult: ingestBatchResultSchema,
      ErrorGroup: errorGroupJsonSchema,
      ErrorGroupList: errorGroupListResponseSchema,
      ErrorGroupDetail: errorGroupDetailResponseSchema,
      ErrorEventRecord: errorEventJsonSchema,
      ErrorEventList: errorEventListResponseSchema,
      GroupActivity: groupActivityJsonSchema,
      ChangeGroupStatusRequest: changeGroupStatusBodySchema,
      ChangeGroupStatusResponse: changeGroupStatusResponseSchema,
      FixPreviewRequest: fixPreviewBodySchema,
      Problem: problemSchema,
    }),
    responses: Object.fromEntries(
      Object.entries(problemResponses).map(([status, description]) => [
        `Problem${status}`,
        { description, content: { "application/problem+json": { schema: ref("Problem") } } },
      ]),
    ),
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description: "An API key (fl_…) created in Settings → API keys.",
      },
      sessionCookie: {
        type: "apiKey",
        in: "cookie",
        name: "next-auth.session-token",
        description: "The browser session of a signed-in user.",
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

// The public API contract, generated from the same zod schemas the handlers parse with.
export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Faultline API",
      version: "1.0.0",
      description:
        "Ingest errors from trading executors and triage the resulting error groups. " +
        "Errors are application/problem+json (RFC 9457).",
    },
    servers: [{ url: "/" }],
    security: userSecurity,
    paths: buildPaths(),
    components: buildComponents(),
  };
}

let cached: OpenApiDocument | undefined;

// The document only changes with a deploy, so it is built once per process.
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
