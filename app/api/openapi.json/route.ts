// GET /api/openapi.json – the OpenAPI 3.1 description of the public API

import { withPublic } from "@/lib/http/route-wrappers";
import { getOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export const GET = withPublic(async () =>
  Response.json(getOpenApiDocument(), {
    headers: { "cache-control": "public, max-age=300" },
  }),
);
