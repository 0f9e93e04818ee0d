import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import { errorEventSchema } from "@/lib/ingest/error-event-schema";
import { jsonRequest, noParams } from "@/tests/support/api-request";
import { collectRefs, type Json, resolveRef } from "@/tests/support/openapi-walk";

async function fetchDocument() {
  const response = await GET(jsonRequest("/api/openapi.json"), noParams);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return JSON.parse(await response.text()) as Json;
}

describe("GET /api/openapi.json", () => {
  it("serves an OpenAPI 3.1 document without credentials", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(document).toMatchObject({
      info: { title: expect.any(String), version: expect.any(String) },
      components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } } },
    });
  });

  it("describes every error endpoint", async () => {
    const paths = (await fetchDocument()).paths as Record<string, Json>;
    expect(Object.keys(paths["/api/errors"] ?? {})).toEqual(
      expect.arrayContaining(["get", "post"]),
    );
    expect(Object.keys(paths["/api/errors/{id}"] ?? {})).toEqual(
      expect.arrayContaining(["get", "patch"]),
    );
    expect(paths["/api/errors/{id}/events"]).toHaveProperty("get");
    const listParameters = resolveRef({ paths }, "#/paths/~1api~1errors/get/parameters") as {
      name: string;
    }[];
    expect(listParameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(["status", "error_type", "trader_id", "q", "since", "until"]),
    );
    expect(listParameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(["sort", "order", "cursor", "limit"]),
    );
  });

  it("resolves every $ref inside the document", async () => {
    const document = await fetchDocument();
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) {
      expect(ref, ref).toMatch(/^#\/components\/(schemas|responses)\/[A-Za-z0-9._-]+$/);
      expect(resolveRef(document, ref), ref).toBeTypeOf("object");
    }
  });

  it("documents problem+json errors", async () => {
    const document = await fetchDocument();
    const problem = resolveRef(document, "#/components/schemas/Problem") as Json;
    expect(problem).toMatchObject({ required: expect.arrayContaining(["type", "status", "code"]) });
    const notFound = resolveRef(document, "#/components/responses/Problem404");
    expect(notFound).toMatchObject({
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    });
  });

  it("rejects unknown fields in the POST /api/errors body, like the handler does", async () => {
    const document = await fetchDocument();
    const post = resolveRef(document, "#/paths/~1api~1errors/post") as Json;
    const bodySchema = resolveRef(post, "#/requestBody/content/application~1json/schema/oneOf") as {
      $ref: string;
    }[];
    expect(bodySchema.map((entry) => entry.$ref)).toEqual([
      "#/components/schemas/ErrorEvent",
      "#/components/schemas/ErrorEventBatch",
    ]);
    const single = resolveRef(document, "#/components/schemas/ErrorEvent") as Json;
    const batch = resolveRef(document, "#/components/schemas/ErrorEventBatch") as Json;
    expect(single.additionalProperties).toBe(false);
    expect(single.required).toEqual(expect.arrayContaining(["error_type", "error_message"]));
    expect(batch.additionalProperties).toBe(false);
    // The document and the runtime schema agree.
    const withExtra = { error_type: "runtime", error_message: "boom", surprise: 1 };
    expect(errorEventSchema.safeParse(withExtra).success).toBe(false);
  });
});
