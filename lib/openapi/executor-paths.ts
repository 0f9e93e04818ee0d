import {
  executorTraderCodeSchema,
  executorTraderListSchema,
} from "@/lib/deploy/executor-code-schemas";
import { toInlineSchema } from "@/lib/openapi/zod-to-openapi-schema";

// The executor code API (app/api/executor/traders/**) for the OpenAPI document.
// Self-contained: the response schemas are inline and the problem responses point at
// the components build-openapi-document.ts already defines, so including these paths
// is one spread into its buildPaths().

const problem = (status: "401" | "404" | "503") => ({
  $ref: `#/components/responses/Problem${status}`,
});

const etagHeader = {
  description: "Strong validator of the body; send it back in If-None-Match.",
  schema: { type: "string" },
};

const cacheControlHeader = {
  description: "Always `private, no-cache`: revalidate on every poll.",
  schema: { type: "string", const: "private, no-cache" },
};

const ifNoneMatchParameter = {
  name: "If-None-Match",
  in: "header",
  required: false,
  description:
    "The ETag of the last 200. While it still matches, the answer is 304 without a body.",
  schema: { type: "string" },
};

const traderIdParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "Trader id.",
  schema: { type: "string", format: "uuid" },
};

function okWithEtag(description: string, schema: object) {
  return {
    description,
    headers: { ETag: etagHeader, "Cache-Control": cacheControlHeader },
    content: { "application/json": { schema } },
  };
}

const notModified = {
  description: "Nothing changed since the ETag in If-None-Match. No body.",
  headers: { ETag: etagHeader, "Cache-Control": cacheControlHeader },
};

// Executors authenticate with an API key only, never a browser session.
const apiKeySecurity = [{ bearerAuth: [] }];

export const executorPaths = {
  "/api/executor/traders": {
    get: {
      operationId: "listExecutorTraders",
      summary: "The traders this API key may run, each with the ETag of its code.",
      description:
        "A key scoped to one trader lists only that trader. Poll with If-None-Match; " +
        "refetch a trader's code when its etag changes.",
      security: apiKeySecurity,
      parameters: [ifNoneMatchParameter],
      responses: {
        "200": okWithEtag("The traders.", toInlineSchema(executorTraderListSchema)),
        "304": notModified,
        "401": problem("401"),
        "503": problem("503"),
      },
    },
  },
  "/api/executor/traders/{id}/code": {
    parameters: [traderIdParameter],
    get: {
      operationId: "getExecutorTraderCode",
      summary: "The trader's active code version and state.",
      description:
        "The ETag pins the version and the state: it changes on every deploy, rollback, " +
        "pause and resume. Run the code only while state is running.",
      security: apiKeySecurity,
      parameters: [ifNoneMatchParameter],
      responses: {
        "200": okWithEtag("The active code.", toInlineSchema(executorTraderCodeSchema)),
        "304": notModified,
        "401": problem("401"),
        "404": problem("404"),
        "503": problem("503"),
      },
    },
  },
};
