import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// System errors are global (not per tenant): this file counts them exactly, so it has a
// database of its own.
const { database } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const created = await createTestDatabase();
  process.env.DATABASE_URL = created.url;
  return { database: created };
});

import { getDb, getPool } from "@/lib/db";
import type { Severity } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import { getSystemErrorStats } from "@/lib/system-errors/get-system-error-stats";
import { listSystemErrors } from "@/lib/system-errors/list-system-errors";
import { logSystemError } from "@/lib/system-errors/log-system-error";
import { resolveSystemErrors } from "@/lib/system-errors/resolve-system-errors";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();

afterAll(async () => {
  await getPool().end();
  await database.drop();
});

beforeEach(async () => {
  await db.systemError.deleteMany();
});

type SeedRow = {
  errorType?: string;
  severity?: Severity;
  component?: string;
  createdAt?: Date;
  resolvedAt?: Date | null;
};

async function seedSystemErrors(rows: SeedRow[]) {
  const created = [];
  for (const row of rows) {
    created.push(
      await db.systemError.create({
        data: {
          errorType: row.errorType ?? "job_failed",
          severity: row.severity ?? "medium",
          component: row.component ?? "jobs",
          message: `seeded ${randomUUID()}`,
          createdAt: row.createdAt ?? new Date(),
          resolvedAt: row.resolvedAt ?? null,
        },
        select: { id: true, createdAt: true },
      }),
    );
  }
  return created;
}

describe("logSystemError", () => {
  it("stores the row with the stack, ids and a sanitized context", async () => {
    const error = new TypeError(`boom ${randomUUID()}`);
    const result = await logSystemError({
      errorType: "job_dead_letter",
      severity: "high",
      component: "jobs",
      error,
      jobId: "job-1",
      traderId: "trader-1",
      requestId: "req-1",
      context: { ratio: Number.NaN, limit: Number.POSITIVE_INFINITY, nested: { ok: 1 } },
    });
    expect(result.stored).toBe(true);
    const row = await db.systemError.findFirstOrThrow({ where: { errorType: "job_dead_letter" } });
    expect(row).toMatchObject({
      severity: "high",
      component: "jobs",
      message: `TypeError: ${error.message}`,
      jobId: "job-1",
      traderId: "trader-1",
      requestId: "req-1",
      resolvedAt: null,
      context: { ratio: null, limit: null, nested: { ok: 1 } },
    });
    expect(row.stackTrace).toContain("TypeError");
    expect(result).toEqual({ stored: true, id: row.id });
  });

  it("keeps the error's text in the context when a summary is given", async () => {
    await logSystemError({
      errorType: "email_delivery_failed",
      severity: "medium",
      component: "email",
      message: `Summary ${randomUUID()}`,
      error: new Error("provider said no"),
    });
    const row = await db.systemError.findFirstOrThrow({ where: { component: "email" } });
    expect(row.context).toEqual({ error: "Error: provider said no" });
  });

  it("stores one row for identical failures within a minute and counts them", async () => {
    const message = `Pusher unreachable ${randomUUID()}`;
    const log = () =>
      logSystemError({
        errorType: "realtime_publish_failed",
        severity: "low",
        component: "realtime",
        message,
      });
    const results = [];
    for (let call = 0; call < 4; call += 1) results.push(await log());
    expect(results.map((result) => result.stored)).toEqual([true, false, false, false]);
    expect(results.slice(1)).toEqual([
      { stored: false, reason: "duplicate" },
      { stored: false, reason: "duplicate" },
      { stored: false, reason: "duplicate" },
    ]);
    const rows = await db.systemError.findMany({ where: { message } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.context).toMatchObject({ occurrences: 4 });
    // A different message is a different failure.
    await logSystemError({
      errorType: "realtime_publish_failed",
      severity: "low",
      component: "realtime",
      message: `${message} (other)`,
    });
    expect(await db.systemError.count({ where: { component: "realtime" } })).toBe(2);
  });
});

describe("listSystemErrors", () => {
  it("answers 404 to a non-admin", async () => {
    const trader = await seedUser(db);
    await expect(listSystemErrors({ userId: trader.id, limit: 10 })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("filters by severity, type, component, unresolved and time range", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const base = Date.parse("2031-05-10T12:00:00.000Z");
    const at = (hours: number) => new Date(base + hours * 3_600_000);
    const [critical, high, resolvedLow, emailOld] = await seedSystemErrors([
      { severity: "critical", errorType: "db_down", component: "health", createdAt: at(0) },
      { severity: "high", errorType: "job_dead_letter", component: "jobs", createdAt: at(-1) },
      {
        severity: "low",
        errorType: "job_failed",
        component: "jobs",
        createdAt: at(-2),
        resolvedAt: at(-1),
      },
      {
        severity: "medium",
        errorType: "email_delivery_failed",
        component: "email",
        createdAt: at(-30),
      },
    ]);
    const ids = async (filters: Omit<Parameters<typeof listSystemErrors>[0], "userId" | "limit">) =>
      (await listSystemErrors({ userId: admin.id, limit: 100, ...filters })).systemErrors.map(
        (row) => row.id,
      );
    expect(await ids({})).toEqual([critical?.id, high?.id, resolvedLow?.id, emailOld?.id]);
    expect(await ids({ severities: ["critical", "high"] })).toEqual([critical?.id, high?.id]);
    expect(await ids({ errorType: "email_delivery_failed" })).toEqual([emailOld?.id]);
    expect(await ids({ component: "jobs" })).toEqual([high?.id, resolvedLow?.id]);
    expect(await ids({ component: "jobs", isUnresolvedOnly: true })).toEqual([high?.id]);
    expect(await ids({ since: at(-2), until: at(0) })).toEqual([high?.id, resolvedLow?.id]);
  });

  it("pages with a keyset cursor, rows sharing a timestamp included", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const same = new Date("2031-06-01T00:00:00.000Z");
    const seeded = await seedSystemErrors([
      { createdAt: same },
      { createdAt: same },
      { createdAt: same },
      { createdAt: new Date("2031-05-31T00:00:00.000Z") },
      { createdAt: new Date("2031-06-02T00:00:00.000Z") },
    ]);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listSystemErrors({ userId: admin.id, limit: 2, cursor });
      seen.push(...page.systemErrors.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    const expected = [...seeded]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((row) => row.id);
    expect(seen).toEqual(expected);
    await expect(
      listSystemErrors({ userId: admin.id, limit: 2, cursor: "bm90LWEtY3Vyc29y" }),
    ).rejects.toBeInstanceOf(AppError);
  });
});

describe("resolveSystemErrors", () => {
  it("resolves one or many with notes and the resolver, reporting earlier resolutions", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const other = await seedUser(db, { role: "admin" });
    const [first, second, third] = await seedSystemErrors([{}, {}, {}]);
    const ids = [first?.id ?? "", second?.id ?? "", third?.id ?? ""];

    const single = await resolveSystemErrors({
      userId: admin.id,
      ids: [ids[0] ?? ""],
      notes: "  Restarted the worker.  ",
    });
    expect(single.resolved.map((row) => row.id)).toEqual([ids[0]]);
    expect(single.resolved[0]).toMatchObject({
      resolutionNotes: "Restarted the worker.",
      resolvedBy: { id: admin.id },
    });

    const missing = randomUUID();
    const bulk = await resolveSystemErrors({
      userId: other.id,
      ids: [...ids, missing, "not-a-uuid"],
      notes: "Provider outage over.",
    });
    expect(bulk.resolved.map((row) => row.id).sort()).toEqual([ids[1], ids[2]].sort());
    expect(bulk.alreadyResolved.map((row) => row.id)).toEqual([ids[0]]);
    expect(bulk.notFound).toEqual([missing, "not-a-uuid"]);

    const rows = await db.systemError.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    // The first resolution is kept, not overwritten by the bulk one.
    expect(byId.get(ids[0] ?? "")).toMatchObject({
      resolvedById: admin.id,
      resolutionNotes: "Restarted the worker.",
    });
    expect(byId.get(ids[1] ?? "")).toMatchObject({
      resolvedById: other.id,
      resolutionNotes: "Provider outage over.",
    });
    expect(byId.get(ids[2] ?? "")?.resolvedAt).toBeInstanceOf(Date);
  });

  it("requires notes (1..2000 characters) and an admin", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const trader = await seedUser(db);
    const [row] = await seedSystemErrors([{}]);
    const ids = [row?.id ?? ""];
    await expect(
      resolveSystemErrors({ userId: admin.id, ids, notes: "   " }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ path: "resolution_notes" }],
    });
    await expect(
      resolveSystemErrors({ userId: admin.id, ids, notes: "x".repeat(2_001) }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      resolveSystemErrors({ userId: trader.id, ids, notes: "mine now" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db.systemError.count({ where: { resolvedAt: { not: null } } })).toBe(0);
  });
});

describe("getSystemErrorStats", () => {
  it("counts totals, unresolved, last 24 h, critical and errors per type per day", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const now = new Date();
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    await seedSystemErrors([
      { errorType: "job_failed", createdAt: hoursAgo(1) },
      { errorType: "job_failed", createdAt: hoursAgo(1), resolvedAt: now },
      { errorType: "llm_circuit_opened", severity: "critical", createdAt: hoursAgo(2) },
      {
        errorType: "llm_circuit_opened",
        severity: "critical",
        createdAt: hoursAgo(3),
        resolvedAt: now,
      },
      { errorType: "job_failed", createdAt: hoursAgo(72) },
      { errorType: "job_failed", createdAt: hoursAgo(24 * 30) },
    ]);
    const stats = await getSystemErrorStats({ userId: admin.id, now });
    expect(stats).toMatchObject({ total: 6, unresolved: 4, last24h: 4, criticalUnresolved: 1 });
    expect(stats.byTypePerDay).toHaveLength(14);
    expect(stats.byTypePerDay.at(-1)?.day).toBe(now.toISOString().slice(0, 10));
    const total = (type: string) =>
      stats.byTypePerDay.reduce((sum, day) => sum + (day.counts[type] ?? 0), 0);
    // The 30-day-old row is outside the chart's 14 days.
    expect(total("job_failed")).toBe(3);
    expect(total("llm_circuit_opened")).toBe(2);
    const threeDaysAgo = hoursAgo(72).toISOString().slice(0, 10);
    expect(stats.byTypePerDay.find((day) => day.day === threeDaysAgo)?.counts).toEqual({
      job_failed: 1,
    });
  });
});
