import { toQueryParameters } from "@/lib/openapi/query-parameters";
import { toInlineSchema } from "@/lib/openapi/zod-to-openapi-schema";
import {
  resolveSystemErrorJsonSchema,
  systemErrorListJsonSchema,
  systemErrorStatsJsonSchema,
} from "@/lib/system-errors/system-error-json";
import {
  listSystemErrorsQuerySchema,
  resolveSystemErrorBodySchema,
  systemErrorRepeatableParams,
} from "@/lib/system-errors/system-error-query";

// The admin system-errors API (app/api/admin/system-errors/**) for the OpenAPI document.
// Self-contained like executor-paths.ts: inline schemas, and problem responses that
// point at the components build-openapi-document.ts already defines, so including
// these paths is one spread into its buildPaths().

type ProblemStatus = "400" | "401" | "404" | "409" | "422" | "503";

function problems(...statuses: ProblemStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { $ref: `#/components/responses/Problem${status}` }]),
  );
}

const noStore = {
  "Cache-Control": {
    description: "Always `private, no-store`: the errors span every tenant.",
    schema: { type: "string", const: "private, no-store" },
  },
};

function json(description: string, schema: object, headers?: object) {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { "application/json": { schema } },
  };
}

// Either credential, but only an admin's: a session whose user is an admin, or an
// API key created with the admin scope whose owner is still an admin.
const adminSecurity = [{ sessionCookie: [] }, { bearerAuth: [] }];

const adminOnly =
  "Admins only: an admin session, or an admin-scoped API key whose owner is still an " +
  "admin. Any other caller gets 404, so the endpoint is not advertised.";

const systemErrorIdParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "System error id.",
  schema: { type: "string", format: "uuid" },
};

export const adminPaths = {
  "/api/admin/system-errors": {
    get: {
      operationId: "listSystemErrors",
      summary: "Faultline's own failures, newest first, with filters and cursor pagination.",
      description: `${adminOnly} The cursor stays valid when the filters change.`,
      security: adminSecurity,
      parameters: toQueryParameters(listSystemErrorsQuerySchema, systemErrorRepeatableParams),
      responses: {
        "200": json(
          "One page of system errors.",
          toInlineSchema(systemErrorListJsonSchema),
          noStore,
        ),
        ...problems("401", "404", "422", "503"),
      },
    },
  },
  "/api/admin/system-errors/stats": {
    get: {
      operationId: "getSystemErrorStats",
      summary: "Headline counts and errors per type per UTC day over the last 14 days.",
      description: adminOnly,
      security: adminSecurity,
      responses: {
        "200": json("The counts.", toInlineSchema(systemErrorStatsJsonSchema), noStore),
        ...problems("401", "404", "503"),
      },
    },
  },
  "/api/admin/system-errors/{id}/resolve": {
    parameters: [systemErrorIdParameter],
    post: {
      operationId: "resolveSystemError",
      summary: "Resolve one system error with notes.",
      description:
        `${adminOnly} A resolution is never overwritten: resolving an already resolved ` +
        "error is 409 and keeps the first notes and resolver.",
      security: adminSecurity,
      requestBody: {
        required: true,
        content: { "application/json": { schema: toInlineSchema(resolveSystemErrorBodySchema) } },
      },
      responses: {
        "200": json("The resolved system error.", toInlineSchema(resolveSystemErrorJsonSchema)),
        ...problems("400", "401", "404", "409", "422", "503"),
      },
    },
  },
};
