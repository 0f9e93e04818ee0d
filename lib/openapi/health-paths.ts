import { healthLiveSchema, healthReportSchema } from "@/lib/health/health-response";
import { toInlineSchema } from "@/lib/openapi/zod-to-openapi-schema";

// The health endpoints (app/api/health/**, app/health) for the OpenAPI document.
// Public: no credentials, and the report names no key, host or error text.

const noStore = {
  "Cache-Control": {
    description: "Always `no-store`: every call checks again.",
    schema: { type: "string", const: "no-store" },
  },
};

function json(description: string, schema: object) {
  return { description, headers: noStore, content: { "application/json": { schema } } };
}

// Built once: /api/health and /health share it for both statuses.
const healthReport = toInlineSchema(healthReportSchema);

function healthReportOperation(operationId: string, summary: string) {
  return {
    get: {
      operationId,
      summary,
      description:
        "Status of the database, job outbox, realtime, email, LLM circuit and error " +
        "tracking. degraded (critical or too many system errors, unreadable counts) is " +
        "still 200 so load balancers keep routing; unhealthy is 503.",
      security: [],
      responses: {
        "200": json("ok or degraded: the instance serves.", healthReport),
        "503": json("unhealthy: the database is unreachable. Same body.", healthReport),
      },
    },
  };
}

export const healthPaths = {
  "/api/health": healthReportOperation("getHealth", "Component status; 503 when unhealthy."),
  "/health": healthReportOperation(
    "getHealthAtRoot",
    "The same report as /api/health, at the path the operations guide names.",
  ),
  "/api/health/live": {
    get: {
      operationId: "getLiveness",
      summary: "Liveness: the process answers. Touches no dependency.",
      security: [],
      responses: { "200": json("Alive.", toInlineSchema(healthLiveSchema)) },
    },
  },
};
