import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";

// System errors are global (stats and health count them all): a database of this file's own.
const { database } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const created = await createTestDatabase();
  process.env.DATABASE_URL = created.url;
  return { database: created };
});

import { POST as resolveRoute } from "@/app/api/admin/system-errors/[id]/resolve/route";
import { GET as listRoute } from "@/app/api/admin/system-errors/route";
import { GET as statsRoute } from "@/app/api/admin/system-errors/stats/route";
import { GET as liveRoute } from "@/app/api/health/live/route";
import { GET as apiHealthRoute } from "@/app/api/health/route";
import { GET as rootHealthRoute } from "@/app/health/route";
import { getDb, getPool } from "@/lib/db";
import { healthLiveSchema, healthReportSchema } from "@/lib/health/health-response";
import { adminPaths } from "@/lib/openapi/admin-paths";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { healthPaths } from "@/lib/openapi/health-paths";
import { problemSchema } from "@/lib/openapi/problem-schema";
import { toInlineSchema } from "@/lib/openapi/zod-to-openapi-schema";
import {
  resolveSystemErrorJsonSchema,
  systemErrorListJsonSchema,
  systemErrorStatsJsonSchema,
} from "@/lib/system-errors/system-error-json";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";
import { type Caller, callRoute } from "@/tests/support/call-route";
import { at, collectRefs, type Json, resolveRef } from "@/tests/support/openapi-walk";
import { createSessionCookie } from "@/tests/support/session-request-scope";

const db = getDb();

// Valid AND complete: zod objects drop keys they do not know, so a field the handler sends
// but the schema (and so the document) lacks makes the parsed copy differ from the body.
async function expectBodyMatches(response: Response, schema: z.ZodType, status = 200) {
  expect(response.status).toBe(status);
  const body: unknown = await response.json();
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(body);
  return body as Json;
}

const jsonSchemaAt = (document: Json, path: string, method: string, status: string) =>
  at(document, "paths", path, method, "responses", status, "content", "application/json", "schema");

let adminSession: Caller;
let adminKey: Caller;
let traderSession: Caller;
let adminId: string;
let criticalId: string;
let lowId: string;

beforeAll(async () => {
  const admin = await seedUser(db, { role: "admin" });
  const trader = await seedUser(db);
  adminId = admin.id;
  adminSession = { cookie: await createSessionCookie(admin) };
  traderSession = { cookie: await createSessionCookie(trader) };
  adminKey = { token: (await seedApiKey(db, { userId: admin.id, scope: "admin" })).token };
  const now = Date.now();
  criticalId = (
    await db.systemError.create({
      data: {
        errorType: "job_dead_letter",
        severity: "critical",
        component: "jobs",
        message: "Error: mailbox full",
        stackTrace: "Error: mailbox full\n    at send (email.ts:1:1)",
        context: { attempt: 5, nested: { ok: false } },
        jobId: "job-1",
        requestId: "req-1",
        createdAt: new Date(now - 60_000),
      },
      select: { id: true },
    })
  ).id;
  lowId = (
    await db.systemError.create({
      data: {
        errorType: "realtime_publish_failed",
        severity: "low",
        component: "realtime",
        message: "publish failed",
        createdAt: new Date(now - 3 * 86_400_000),
      },
      select: { id: true },
    })
  ).id;
});

afterAll(async () => {
  await getPool().end();
  await database.drop();
});

describe("the admin system-errors schemas describe what the handlers send", () => {
  it("GET /api/admin/system-errors: both pages of a filtered, paginated list", async () => {
    const first = await expectBodyMatches(
      await callRoute(
        listRoute,
        "/api/admin/system-errors?severity=critical&severity=low&limit=1",
        adminSession,
      ),
      systemErrorListJsonSchema,
    );
    expect(first).toMatchObject({
      data: [{ id: criticalId, context: { attempt: 5 }, job_id: "job-1", resolved_by: null }],
      next_cursor: expect.any(String),
    });
    const cursor = encodeURIComponent(String(first.next_cursor));
    const second = await expectBodyMatches(
      await callRoute(listRoute, `/api/admin/system-errors?limit=1&cursor=${cursor}`, adminKey),
      systemErrorListJsonSchema,
    );
    expect(second).toMatchObject({ data: [{ id: lowId, context: null }], next_cursor: null });
  });

  it("GET /api/admin/system-errors/stats", async () => {
    const body = await expectBodyMatches(
      await callRoute(statsRoute, "/api/admin/system-errors/stats", adminKey),
      systemErrorStatsJsonSchema,
    );
    expect(body).toMatchObject({ total: 2, unresolved: 2, critical_unresolved: 1 });
    expect(body.by_type_per_day).toHaveLength(14);
  });

  it("POST /api/admin/system-errors/{id}/resolve, then 409 as a documented problem", async () => {
    const resolve = () =>
      callRoute(resolveRoute, `/api/admin/system-errors/${criticalId}/resolve`, adminSession, {
        body: { resolution_notes: "Raised the mailbox quota." },
        params: { id: criticalId },
      });
    const body = await expectBodyMatches(await resolve(), resolveSystemErrorJsonSchema);
    expect(body).toMatchObject({
      system_error: {
        id: criticalId,
        resolved_at: expect.any(String),
        resolved_by: { id: adminId },
        resolution_notes: "Raised the mailbox quota.",
      },
    });
    const again = await resolve();
    expect(again.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    await expectBodyMatches(again, problemSchema, 409);
  });

  it("answers a non-admin with the documented 404 problem", async () => {
    await expectBodyMatches(
      await callRoute(statsRoute, "/api/admin/system-errors/stats", traderSession),
      problemSchema,
      404,
    );
  });
});

describe("the health schemas describe what the handlers send", () => {
  it("GET /api/health and /health send the report", async () => {
    for (const route of [apiHealthRoute, rootHealthRoute]) {
      const body = await expectBodyMatches(
        await route(jsonRequest("/api/health"), noParams),
        healthReportSchema,
      );
      expect(body).toMatchObject({ components: { database: { status: "ok" } } });
    }
  });

  it("GET /api/health/live", async () => {
    await expectBodyMatches(
      await liveRoute(jsonRequest("/api/health/live"), noParams),
      healthLiveSchema,
    );
  });
});

describe("OpenAPI: admin system-errors and health paths", () => {
  const document: Json = buildOpenApiDocument();

  it("documents every operation with the zod schemas the tests above validate", () => {
    const expected: [string, string, string, z.ZodType][] = [
      ["/api/admin/system-errors", "get", "200", systemErrorListJsonSchema],
      ["/api/admin/system-errors/stats", "get", "200", systemErrorStatsJsonSchema],
      ["/api/admin/system-errors/{id}/resolve", "post", "200", resolveSystemErrorJsonSchema],
      ["/api/health", "get", "200", healthReportSchema],
      ["/api/health", "get", "503", healthReportSchema],
      ["/health", "get", "200", healthReportSchema],
      ["/health", "get", "503", healthReportSchema],
      ["/api/health/live", "get", "200", healthLiveSchema],
    ];
    for (const [path, method, status, schema] of expected) {
      expect(jsonSchemaAt(document, path, method, status), `${method} ${path} ${status}`).toEqual(
        toInlineSchema(schema),
      );
    }
  });

  it("asks admins for a session or an API key, and health for nothing", () => {
    for (const [path, method] of [
      ["/api/admin/system-errors", "get"],
      ["/api/admin/system-errors/stats", "get"],
      ["/api/admin/system-errors/{id}/resolve", "post"],
    ] as const) {
      expect(at(document, "paths", path, method, "security"), path).toEqual([
        { sessionCookie: [] },
        { bearerAuth: [] },
      ]);
      expect(at(document, "paths", path, method, "responses", "404"), path).toEqual({
        $ref: "#/components/responses/Problem404",
      });
    }
    for (const path of ["/api/health", "/health", "/api/health/live"]) {
      expect(at(document, "paths", path, "get", "security"), path).toEqual([]);
    }
    expect(
      at(document, "paths", "/api/admin/system-errors/{id}/resolve", "post", "responses", "409"),
    ).toEqual({
      $ref: "#/components/responses/Problem409",
    });
  });

  it("documents the list filters, with severity repeatable, and the resolve body", () => {
    const parameters = at(document, "paths", "/api/admin/system-errors", "get", "parameters");
    expect(parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "severity", in: "query", explode: true }),
        ...["error_type", "component", "unresolved", "since", "until", "cursor", "limit"].map(
          (name) => expect.objectContaining({ name, in: "query" }),
        ),
      ]),
    );
    expect(
      at(document, "paths", "/api/admin/system-errors/{id}/resolve", "post", "requestBody"),
    ).toMatchObject({
      required: true,
      content: {
        "application/json": {
          schema: { required: ["resolution_notes"], additionalProperties: false },
        },
      },
    });
  });

  it("points only at components the document defines", () => {
    const refs = collectRefs({ adminPaths, healthPaths });
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of new Set(refs)) {
      expect(resolveRef(document, ref), ref).toBeTypeOf("object");
    }
    expect(Object.keys(document.paths as Json)).toEqual(
      expect.arrayContaining([...Object.keys(adminPaths), ...Object.keys(healthPaths)]),
    );
  });
});
