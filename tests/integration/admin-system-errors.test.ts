import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// System errors are global: exact counts need a database of this file's own.
const { database } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const created = await createTestDatabase();
  process.env.DATABASE_URL = created.url;
  return { database: created };
});

import { POST as resolveRoute } from "@/app/api/admin/system-errors/[id]/resolve/route";
import { GET as listRoute } from "@/app/api/admin/system-errors/route";
import { GET as statsRoute } from "@/app/api/admin/system-errors/stats/route";
import { getDb, getPool } from "@/lib/db";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedUser } from "@/tests/factories/seed-user";
import { type Caller, callRoute } from "@/tests/support/call-route";
import { createSessionCookie } from "@/tests/support/session-request-scope";

const db = getDb();

const list = (caller: Caller, query = "") =>
  callRoute(listRoute, `/api/admin/system-errors${query}`, caller);
const stats = (caller: Caller) => callRoute(statsRoute, "/api/admin/system-errors/stats", caller);
const resolve = (caller: Caller, id: string, body: unknown) =>
  callRoute(resolveRoute, `/api/admin/system-errors/${id}/resolve`, caller, {
    body,
    params: { id },
  });

let admin: Awaited<ReturnType<typeof seedUser>>;
let adminSession: Caller;
let adminKey: Caller;
let adminExecutorKey: Caller;
let traderSession: Caller;
let traderKey: Caller;
let errorIds: string[];

beforeAll(async () => {
  admin = await seedUser(db, { role: "admin" });
  const trader = await seedUser(db);
  adminSession = { cookie: await createSessionCookie(admin) };
  traderSession = { cookie: await createSessionCookie(trader) };
  adminKey = { token: (await seedApiKey(db, { userId: admin.id, scope: "admin" })).token };
  adminExecutorKey = { token: (await seedApiKey(db, { userId: admin.id })).token };
  traderKey = { token: (await seedApiKey(db, { userId: trader.id })).token };
  const now = Date.now();
  errorIds = [];
  for (const [index, severity] of (["critical", "high", "low"] as const).entries()) {
    const row = await db.systemError.create({
      data: {
        errorType: index === 2 ? "realtime_publish_failed" : "job_dead_letter",
        severity,
        component: index === 2 ? "realtime" : "jobs",
        message: `failure ${index}`,
        context: { attempt: index },
        createdAt: new Date(now - index * 60_000),
      },
      select: { id: true },
    });
    errorIds.push(row.id);
  }
});

afterAll(async () => {
  await getPool().end();
  await database.drop();
});

describe("who may use the admin system-errors API", () => {
  it("answers 401 to anonymous callers and bad keys", async () => {
    for (const response of [
      await list({}),
      await stats({}),
      await resolve({}, errorIds[0] ?? "", { resolution_notes: "x" }),
      await list({ token: `fl_${"A".repeat(12)}_${"b".repeat(43)}` }),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("answers 404 (hidden, not 403) to traders, their keys and an admin's executor key", async () => {
    for (const caller of [traderSession, traderKey, adminExecutorKey]) {
      const responses = [
        await list(caller),
        await stats(caller),
        await resolve(caller, errorIds[2] ?? "", { resolution_notes: "not mine" }),
      ];
      expect(responses.map((response) => response.status)).toEqual([404, 404, 404]);
    }
    expect(await db.systemError.count({ where: { resolvedAt: { not: null } } })).toBe(0);
  });

  it("stops accepting an admin-scope key once its owner is demoted", async () => {
    const former = await seedUser(db, { role: "admin" });
    const { token } = await seedApiKey(db, { userId: former.id, scope: "admin" });
    expect((await list({ token })).status).toBe(200);
    await db.user.update({ where: { id: former.id }, data: { role: "trader" } });
    expect((await list({ token })).status).toBe(404);
  });
});

describe("GET /api/admin/system-errors", () => {
  it("lists snake_case rows for an admin session and an admin key, with filters and a cursor", async () => {
    for (const caller of [adminSession, adminKey]) {
      const response = await list(caller, "?limit=2");
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.data.map((row: { id: string }) => row.id)).toEqual(errorIds.slice(0, 2));
      expect(body.data[0]).toMatchObject({
        id: errorIds[0],
        error_type: "job_dead_letter",
        severity: "critical",
        component: "jobs",
        message: "failure 0",
        stack_trace: null,
        context: { attempt: 0 },
        resolved_at: null,
        resolved_by: null,
        resolution_notes: null,
      });
      const next = await (await list(caller, `?limit=2&cursor=${body.next_cursor}`)).json();
      expect(next.data.map((row: { id: string }) => row.id)).toEqual(errorIds.slice(2));
      expect(next.next_cursor).toBeNull();
    }
    const filtered = await (await list(adminKey, "?severity=high,low&component=jobs")).json();
    expect(filtered.data.map((row: { id: string }) => row.id)).toEqual([errorIds[1]]);
  });

  it("rejects bad filters with a problem naming the parameter", async () => {
    const response = await list(adminSession, "?severity=urgent&component=kitchen");
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors.map((field: { path: string }) => field.path).sort()).toEqual([
      "component",
      "severity.0",
    ]);
  });
});

describe("stats and resolve", () => {
  it("resolves with notes, records who, refuses a second resolution, and the stats follow", async () => {
    const before = await (await stats(adminSession)).json();
    expect(before).toMatchObject({ total: 3, unresolved: 3, last_24h: 3, critical_unresolved: 1 });
    expect(before.by_type_per_day).toHaveLength(14);
    expect(before.by_type_per_day.at(-1).counts).toEqual({
      job_dead_letter: 2,
      realtime_publish_failed: 1,
    });

    const id = errorIds[0] ?? "";
    const missingNotes = await resolve(adminKey, id, { resolution_notes: " " });
    expect(missingNotes.status).toBe(422);

    const response = await resolve(adminKey, id, { resolution_notes: "Database failed over." });
    expect(response.status).toBe(200);
    const { system_error: resolved } = await response.json();
    expect(resolved).toMatchObject({
      id,
      resolution_notes: "Database failed over.",
      resolved_by: { id: admin.id, email: admin.email },
    });
    expect(Date.parse(resolved.resolved_at)).not.toBeNaN();

    const again = await resolve(adminSession, id, { resolution_notes: "Overwrite?" });
    expect(again.status).toBe(409);
    expect((await db.systemError.findUniqueOrThrow({ where: { id } })).resolutionNotes).toBe(
      "Database failed over.",
    );

    expect((await resolve(adminSession, randomUUID(), { resolution_notes: "x" })).status).toBe(404);
    expect((await resolve(adminSession, "not-a-uuid", { resolution_notes: "x" })).status).toBe(404);

    const after = await (await stats(adminKey)).json();
    expect(after).toMatchObject({ total: 3, unresolved: 2, critical_unresolved: 0 });
  });
});
