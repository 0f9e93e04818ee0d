import { beforeAll, describe, expect, it } from "vitest";
import { GET as getTraderCode } from "@/app/api/executor/traders/[id]/code/route";
import { GET as listTraders } from "@/app/api/executor/traders/route";
import { getDb } from "@/lib/db";
import { TraderState } from "@/lib/generated/prisma/enums";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { executorPaths } from "@/lib/openapi/executor-paths";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";
import { at, collectRefs, type Json, resolveRef } from "@/tests/support/openapi-walk";

const db = getDb();

function buildDocument(): Json {
  return buildOpenApiDocument();
}

function operation(document: Json, path: string): Json {
  const found = at(document, "paths", path, "get");
  expect(found, path).toBeTypeOf("object");
  return found as Json;
}

function jsonSchemaOf(response: unknown): Json {
  return at(response, "content", "application/json", "schema") as Json;
}

const sortedKeys = (value: unknown) => Object.keys(value as Json).sort();

describe("OpenAPI: executor code API", () => {
  let traderId: string;
  let token: string;
  let codeBody: Json;
  let listBody: Json;

  beforeAll(async () => {
    const userId = (await seedUser(db)).id;
    traderId = (await seedTrader(db, { userId })).id;
    token = (await seedApiKey(db, { userId, traderId })).token;
    const code = await getTraderCode(
      jsonRequest(`/api/executor/traders/${traderId}/code`, { token }),
      { params: Promise.resolve({ id: traderId }) },
    );
    const list = await listTraders(jsonRequest("/api/executor/traders", { token }), noParams);
    expect([code.status, list.status]).toEqual([200, 200]);
    codeBody = (await code.json()) as Json;
    listBody = (await list.json()) as Json;
  });

  it("documents both GET operations, API key only, with ETag, If-None-Match and 304", () => {
    const document = buildDocument();
    for (const path of ["/api/executor/traders", "/api/executor/traders/{id}/code"]) {
      const get = operation(document, path);
      expect(get.security, path).toEqual([{ bearerAuth: [] }]);
      expect(get.parameters, path).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: "If-None-Match", in: "header" })]),
      );
      const responses = get.responses as Json;
      expect(sortedKeys(responses), path).toEqual(expect.arrayContaining(["200", "304", "401"]));
      expect(at(responses, "200", "headers", "ETag"), path).toBeTypeOf("object");
      expect(at(responses, "304", "headers", "ETag"), path).toBeTypeOf("object");
      expect(at(responses, "304", "content"), path).toBeUndefined();
    }
    const codeGet = operation(document, "/api/executor/traders/{id}/code");
    expect(at(codeGet, "responses", "404")).toEqual({
      $ref: "#/components/responses/Problem404",
    });
    expect(at(document, "paths", "/api/executor/traders/{id}/code", "parameters")).toEqual([
      expect.objectContaining({ name: "id", in: "path", required: true }),
    ]);
  });

  it("describes the code response the handler actually sends", () => {
    const get = operation(buildDocument(), "/api/executor/traders/{id}/code");
    const schema = jsonSchemaOf(at(get, "responses", "200"));
    expect(schema.type).toBe("object");
    expect(sortedKeys(schema.properties)).toEqual(sortedKeys(codeBody));
    expect([...(schema.required as string[])].sort()).toEqual(sortedKeys(codeBody));
    expect(at(schema, "properties", "state", "enum")).toEqual(Object.values(TraderState));
    expect(at(schema, "properties", "code", "type")).toBe("string");
    expect(at(schema, "properties", "updated_at", "format")).toBe("date-time");
  });

  it("describes the list response the handler actually sends", () => {
    const get = operation(buildDocument(), "/api/executor/traders");
    const schema = jsonSchemaOf(at(get, "responses", "200"));
    expect(sortedKeys(schema.properties)).toEqual(sortedKeys(listBody));
    const item = at(schema, "properties", "data", "items") as Json;
    const [firstTrader] = listBody.data as Json[];
    expect(firstTrader).toMatchObject({ trader_id: traderId });
    expect(sortedKeys(item.properties)).toEqual(sortedKeys(firstTrader));
    expect([...(item.required as string[])].sort()).toEqual(sortedKeys(firstTrader));
  });

  it("points only at components the document defines", () => {
    const document = buildDocument();
    const refs = collectRefs(executorPaths);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(resolveRef(document, ref), ref).toBeTypeOf("object");
    }
  });
});
