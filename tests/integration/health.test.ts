import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The health rule counts every system error and job: this file has a database of its own.
const { database } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const created = await createTestDatabase();
  process.env.DATABASE_URL = created.url;
  process.env.OPENAI_API_KEY = "sk-health-secret-never-shown";
  process.env.RESEND_API_KEY = "re_health_secret_never_shown";
  delete process.env.PUSHER_APP_ID;
  delete process.env.HEALTH_MAX_UNRESOLVED;
  delete process.env.HEALTH_MAX_ERRORS_24H;
  return { database: created };
});

import { GET as getHealthLive } from "@/app/api/health/live/route";
import { GET as getApiHealthReport } from "@/app/api/health/route";
import { GET as getHealthPage } from "@/app/health/route";
import { getDb, getPool } from "@/lib/db";
import type { Severity } from "@/lib/generated/prisma/enums";
import { jsonRequest, noParams } from "@/tests/support/api-request";

const db = getDb();

afterAll(async () => {
  await getPool().end();
  await database.drop();
});

beforeEach(async () => {
  await db.systemError.deleteMany();
  await db.job.deleteMany();
});

async function seedErrors(
  count: number,
  options: { severity?: Severity; isResolved?: boolean; hoursAgo?: number } = {},
) {
  const createdAt = new Date(Date.now() - (options.hoursAgo ?? 1) * 3_600_000);
  await db.systemError.createMany({
    data: Array.from({ length: count }, () => ({
      errorType: "job_failed",
      severity: options.severity ?? "medium",
      component: "jobs",
      message: `seeded ${randomUUID()}`,
      createdAt,
      resolvedAt: options.isResolved ? new Date() : null,
    })),
  });
}

async function readHealth() {
  const response = await getApiHealthReport(jsonRequest("/api/health"), noParams);
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

describe("GET /api/health", () => {
  it("is ok with no system errors, lists every component and reveals no secret", async () => {
    const { status, text, body } = await readHealth();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      reasons: [],
      components: {
        database: { status: "ok" },
        jobs: { status: "ok", due_count: 0, oldest_due_age_seconds: null, dead_letter_count: 0 },
        realtime: { status: "ok", driver: "postgres", configured: true, failures_24h: 0 },
        email: { status: "ok", configured: true, failures_24h: 0 },
        llm: { status: "ok", configured: true, circuit: { state: "closed" }, failures_24h: 0 },
        error_tracking: {
          status: "ok",
          total: 0,
          unresolved: 0,
          last_24h: 0,
          critical_unresolved: 0,
          thresholds: { max_unresolved: 10, max_errors_24h: 20 },
        },
      },
    });
    expect(text).not.toContain("sk-health-secret");
    expect(text).not.toContain("re_health_secret");
    expect(text).not.toContain(new URL(database.url).host);
  });

  it("is degraded by one unresolved critical error, not by a resolved one", async () => {
    await seedErrors(1, { severity: "critical", isResolved: true });
    expect((await readHealth()).body.status).toBe("ok");
    await seedErrors(1, { severity: "critical" });
    const { status, body } = await readHealth();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "degraded", reasons: ["critical_unresolved"] });
    expect(body.components.error_tracking).toMatchObject({
      status: "degraded",
      critical_unresolved: 1,
    });
  });

  it("is degraded above 10 unresolved errors (older than a day, so only that rule applies)", async () => {
    await seedErrors(10, { hoursAgo: 48 });
    expect((await readHealth()).body.status).toBe("ok");
    await seedErrors(1, { hoursAgo: 48 });
    expect((await readHealth()).body).toMatchObject({
      status: "degraded",
      reasons: ["too_many_unresolved"],
    });
  });

  it("is degraded above 20 errors in the last 24 h (all resolved, so only that rule applies)", async () => {
    await seedErrors(20, { isResolved: true });
    await seedErrors(5, { isResolved: true, hoursAgo: 30 });
    expect((await readHealth()).body.status).toBe("ok");
    await seedErrors(1, { isResolved: true });
    expect((await readHealth()).body).toMatchObject({
      status: "degraded",
      reasons: ["too_many_errors_24h"],
      components: { error_tracking: { last_24h: 21, unresolved: 0, total: 26 } },
    });
  });

  it("reports job outbox lag and dead letters", async () => {
    await db.job.createMany({
      data: [
        { kind: "email.digest", payload: {}, runAt: new Date(Date.now() - 600_000) },
        { kind: "email.digest", payload: {}, runAt: new Date(Date.now() + 600_000) },
        { kind: "email.digest", payload: {}, status: "dead" },
      ],
    });
    const { body } = await readHealth();
    expect(body.components.jobs).toMatchObject({
      status: "degraded",
      due_count: 1,
      dead_letter_count: 1,
    });
    expect(body.components.jobs.oldest_due_age_seconds).toBeGreaterThanOrEqual(600);
    // The seed's rule is about system errors: a lagging outbox is shown, not escalated.
    expect(body.status).toBe("ok");
  });

  it("counts recent failures per integration", async () => {
    await db.systemError.createMany({
      data: [
        {
          errorType: "email_delivery_failed",
          severity: "low",
          component: "email",
          message: "a",
          resolvedAt: new Date(),
        },
        {
          errorType: "realtime_publish_failed",
          severity: "low",
          component: "realtime",
          message: "b",
          resolvedAt: new Date(),
        },
        {
          errorType: "realtime_publish_failed",
          severity: "low",
          component: "realtime",
          message: "c",
          resolvedAt: new Date(),
        },
      ],
    });
    const { body } = await readHealth();
    expect(body.components.email.failures_24h).toBe(1);
    expect(body.components.realtime.failures_24h).toBe(2);
  });
});

describe("GET /health and /api/health/live", () => {
  it("/health answers the same report", async () => {
    await seedErrors(1, { severity: "critical" });
    const response = await getHealthPage(jsonRequest("/health"), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      status: "degraded",
      reasons: ["critical_unresolved"],
    });
  });

  it("/api/health/live is ok without asking anything", async () => {
    const response = await getHealthLive(jsonRequest("/api/health/live"), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
