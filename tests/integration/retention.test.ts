import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { jsonRequest, noParams } from "@/tests/support/api-request";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// Retention deletes across all tenants, so this file runs on a database of its own:
// the counts it asserts are exact and no other file's rows disappear.
const CRON_SECRET = "cron-secret-for-retention-tests";
const DAY_MS = 24 * 60 * 60_000;
const MINUTE_MS = 60_000;
const NOW = new Date("2031-06-01T12:00:00.000Z");
const daysAgo = (days: number, from = NOW) => new Date(from.getTime() - days * DAY_MS);
const EVENT_DAYS = 90;
const SYSTEM_ERROR_DAYS = 30;

let database: TestDatabase;

async function loadApp() {
  const [db, retention, cron, users, traders] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/retention/run-retention"),
    import("@/app/api/cron/retention/route"),
    import("@/tests/factories/seed-user"),
    import("@/tests/factories/seed-trader"),
  ]);
  return { ...db, ...retention, cronRoute: cron, ...users, ...traders };
}
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.CRON_SECRET = CRON_SECRET;
  app = await loadApp();
}, 60_000);

afterAll(async () => {
  await app.getDb().$disconnect();
  await app.getPool().end();
  await database.drop();
});

const retain = (options: { batchSize?: number; timeBudgetMs?: number } = {}) =>
  app.runRetention({
    now: NOW,
    eventDays: EVENT_DAYS,
    systemErrorDays: SYSTEM_ERROR_DAYS,
    ...options,
  });

async function seedTraderOf() {
  const db = app.getDb();
  const user = await app.seedUser(db);
  const trader = await app.seedTrader(db, { userId: user.id });
  return { userId: user.id, traderId: trader.id, versionId: trader.activeVersionId ?? "" };
}

type Owner = Awaited<ReturnType<typeof seedTraderOf>>;
type Group = Owner & { groupId: string };

async function seedGroup(owner: Owner, eventCount = 0): Promise<Group> {
  const group = await seedErrorGroup(app.getDb(), {
    ...owner,
    eventCount,
    firstSeenAt: daysAgo(400),
    seenAt: NOW,
  });
  return { ...owner, groupId: group.id };
}

// receivedAt drives retention; occurredAt defaults to it (executors report promptly).
async function seedEvent(group: Group, receivedAt: Date, occurredAt = receivedAt) {
  const event = await app.getDb().errorEvent.create({
    data: {
      userId: group.userId,
      traderId: group.traderId,
      groupId: group.groupId,
      idempotencyKey: randomUUID(),
      payloadHash: randomUUID(),
      errorType: "runtime",
      errorMessage: "TypeError: boom",
      errorHash: randomUUID(),
      occurredAt,
      receivedAt,
    },
    select: { id: true },
  });
  return event.id;
}

async function existingEventIds(ids: string[]): Promise<Set<string>> {
  const rows = await app.getDb().errorEvent.findMany({
    where: { id: { in: ids } },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

async function seedSystemError(data: { createdAt: Date; resolvedAt?: Date }) {
  const row = await app.getDb().systemError.create({
    data: {
      errorType: "test_failure",
      severity: "medium",
      component: "jobs",
      message: `failure ${randomUUID()}`,
      ...data,
    },
    select: { id: true },
  });
  return row.id;
}

describe("runRetention – error events", () => {
  it("deletes old events except the referenced ones and each group's latest, and keeps counters", async () => {
    const owner = await seedTraderOf();
    const db = app.getDb();

    // A plain group: old events go, its latest (old too) stays, recent ones stay.
    const plain = await seedGroup(owner, 1_000);
    const plainOld = [await seedEvent(plain, daysAgo(300)), await seedEvent(plain, daysAgo(91))];
    const plainLatest = await seedEvent(plain, daysAgo(95), daysAgo(1));
    const plainRecent = await seedEvent(plain, daysAgo(89), daysAgo(89));

    // A group with a fix attempt (created 200 days ago, ran for ten minutes): it read
    // the latest event received by then, or one received while it was running.
    const fixed = await seedGroup(owner);
    const attemptAt = daysAgo(200);
    const fixedOlder = await seedEvent(fixed, daysAgo(210));
    const failing = await seedEvent(fixed, daysAgo(201));
    const whileRunning = await seedEvent(fixed, new Date(attemptAt.getTime() + 5 * MINUTE_MS));
    const afterAttempt = await seedEvent(fixed, daysAgo(150));
    const fixedLatest = await seedEvent(fixed, daysAgo(5));
    await db.regenerationAttempt.create({
      data: {
        userId: owner.userId,
        groupId: fixed.groupId,
        traderId: owner.traderId,
        trigger: "manual",
        status: "failed",
        createdAt: attemptAt,
        completedAt: new Date(attemptAt.getTime() + 10 * MINUTE_MS),
      },
    });

    // An event of another group that an attempt verified its fix on, by id.
    const other = await seedGroup(owner);
    const verifiedOn = await seedEvent(other, daysAgo(180));
    const otherOld = await seedEvent(other, daysAgo(170));
    const otherLatest = await seedEvent(other, daysAgo(2));
    await db.regenerationAttempt.create({
      data: {
        userId: owner.userId,
        groupId: fixed.groupId,
        traderId: owner.traderId,
        trigger: "auto",
        status: "proposed",
        createdAt: daysAgo(3),
        completedAt: daysAgo(3),
        verification: {
          passed: true,
          rounds: [],
          final: { cases: [{ id: `event:${verifiedOn}`, source: "recent_event", passed: true }] },
        },
      },
    });

    // A group fix deployed 120 days ago with a one-hour watch: the failure it was
    // deployed against and the events of its watch window stay.
    const deployed = await seedGroup(owner);
    const deployedAt = daysAgo(120);
    const deployedOlder = await seedEvent(deployed, daysAgo(130));
    const deployedAgainst = await seedEvent(deployed, daysAgo(125));
    const duringWatch = await seedEvent(deployed, new Date(deployedAt.getTime() + 30 * MINUTE_MS));
    const afterWatch = await seedEvent(
      deployed,
      new Date(deployedAt.getTime() + 2 * 60 * MINUTE_MS),
    );
    const deployedLatest = await seedEvent(deployed, daysAgo(10));
    await db.deployment.create({
      data: {
        traderId: owner.traderId,
        toVersionId: owner.versionId,
        groupId: deployed.groupId,
        kind: "deploy",
        createdAt: deployedAt,
        watchUntil: new Date(deployedAt.getTime() + 60 * MINUTE_MS),
      },
    });

    const result = await retain();

    const deleted = [...plainOld, fixedOlder, afterAttempt, otherOld, deployedOlder, afterWatch];
    const referenced = [failing, whileRunning, verifiedOn, deployedAgainst, duringWatch];
    const recent = [plainRecent, fixedLatest, otherLatest, deployedLatest];
    expect(result).toEqual({
      systemErrorsDeleted: 0,
      eventsDeleted: deleted.length,
      eventsKeptReferenced: referenced.length,
      eventsKeptLatest: 1,
      hasMore: false,
    });
    const remaining = await existingEventIds([...deleted, ...referenced, ...recent, plainLatest]);
    expect([...remaining].sort()).toEqual([...referenced, ...recent, plainLatest].sort());
    // Counters count occurrences, not stored rows.
    const plainGroup = await db.errorGroup.findUniqueOrThrow({ where: { id: plain.groupId } });
    expect(plainGroup.eventCount).toBe(1_000);

    // Idempotent: a second run finds nothing more to delete and keeps the same rows.
    const again = await retain();
    expect(again).toEqual({ ...result, eventsDeleted: 0 });
    expect(await existingEventIds([...referenced, ...recent, plainLatest])).toHaveLength(
      referenced.length + recent.length + 1,
    );
  });

  it("keeps every event received since a still-running attempt was queued", async () => {
    const group = await seedGroup(await seedTraderOf());
    const queuedAt = daysAgo(100);
    await app.getDb().regenerationAttempt.create({
      data: {
        userId: group.userId,
        groupId: group.groupId,
        traderId: group.traderId,
        trigger: "auto",
        status: "running",
        createdAt: queuedAt,
      },
    });
    const beforeQueued = await seedEvent(group, daysAgo(110));
    const latestWhenQueued = await seedEvent(group, daysAgo(105));
    const sinceQueued = await seedEvent(group, daysAgo(95));
    const latest = await seedEvent(group, daysAgo(1));

    const result = await retain();

    expect(result.eventsDeleted).toBe(1);
    const remaining = await existingEventIds([beforeQueued, latestWhenQueued, sinceQueued, latest]);
    expect(remaining).toEqual(new Set([latestWhenQueued, sinceQueued, latest]));
  });

  it("never leaves a group without an event, even when all of them are old", async () => {
    const group = await seedGroup(await seedTraderOf());
    const old = [await seedEvent(group, daysAgo(400)), await seedEvent(group, daysAgo(300))];

    await retain();

    expect([...(await existingEventIds(old))]).toEqual([old[1]]);
  });

  it("deletes in bounded batches and reports hasMore until the backlog is gone", async () => {
    const group = await seedGroup(await seedTraderOf());
    for (let i = 0; i < 7; i += 1) await seedEvent(group, daysAgo(200 + i));
    const latest = await seedEvent(group, daysAgo(1));

    // A spent budget still runs one batch per call, so every run makes progress.
    const runs = [];
    for (let i = 0; i < 4; i += 1) runs.push(await retain({ batchSize: 2, timeBudgetMs: 0 }));

    expect(runs.map((run) => [run.eventsDeleted, run.hasMore])).toEqual([
      [2, true],
      [2, true],
      [2, true],
      [1, false],
    ]);
    expect(runs[0]?.eventsKeptReferenced).toBeNull();
    expect(runs[3]?.eventsKeptReferenced).toEqual(expect.any(Number));
    expect(
      await app
        .getDb()
        .errorEvent.findMany({ where: { groupId: group.groupId }, select: { id: true } }),
    ).toEqual([{ id: latest }]);

    const withBudget = await retain({ batchSize: 2 });
    expect(withBudget).toMatchObject({ eventsDeleted: 0, hasMore: false });
  });

  it("sets a workflow run's error event to null when the event is deleted", async () => {
    const group = await seedGroup(await seedTraderOf());
    const old = await seedEvent(group, daysAgo(200));
    await seedEvent(group, daysAgo(1));
    const db = app.getDb();
    const schedule = await db.workflowSchedule.create({
      data: {
        workflowType: "signal_monitoring",
        entityId: randomUUID(),
        traderId: group.traderId,
        userId: group.userId,
        interval: "1h",
        symbol: "BTCUSDT",
      },
    });
    const run = await db.workflowRun.create({
      data: {
        scheduleId: schedule.id,
        candleTime: daysAgo(200),
        outcome: "error",
        errorEventId: old,
      },
    });

    await retain();

    expect(await db.workflowRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      outcome: "error",
      errorEventId: null,
    });
  });
});

describe("runRetention – system errors", () => {
  it("deletes resolved system errors after the period and keeps unresolved and recent ones", async () => {
    const oldResolved = [
      await seedSystemError({ createdAt: daysAgo(400), resolvedAt: daysAgo(31) }),
      await seedSystemError({ createdAt: daysAgo(60), resolvedAt: daysAgo(59) }),
    ];
    const recentlyResolved = await seedSystemError({
      createdAt: daysAgo(400),
      resolvedAt: daysAgo(29),
    });
    const oldUnresolved = await seedSystemError({ createdAt: daysAgo(400) });

    const result = await retain({ batchSize: 1 });

    expect(result).toMatchObject({ systemErrorsDeleted: 2, hasMore: false });
    const remaining = await app.getDb().systemError.findMany({
      where: { id: { in: [...oldResolved, recentlyResolved, oldUnresolved] } },
      select: { id: true },
    });
    expect(remaining.map((row) => row.id).sort()).toEqual([recentlyResolved, oldUnresolved].sort());
    expect((await retain()).systemErrorsDeleted).toBe(0);
  });

  it("logs a failed run as a system error and rethrows", async () => {
    // LIMIT -1 is rejected by Postgres: a stand-in for any database failure mid-run.
    await expect(retain({ batchSize: -1 })).rejects.toThrow();

    const logged = await app.getDb().systemError.findFirst({
      where: { component: "retention", errorType: "retention_failed" },
    });
    expect(logged).toMatchObject({ severity: "high", resolvedAt: null });
    expect(logged?.context).toMatchObject({ systemErrorsDeleted: 0, batchSize: -1 });
  });
});

describe("GET|POST /api/cron/retention", () => {
  const cronRequest = (token?: string, method = "GET") =>
    jsonRequest("/api/cron/retention", { method, token });

  it("needs the cron secret", async () => {
    const resolved = await seedSystemError({
      createdAt: daysAgo(40, new Date()),
      resolvedAt: daysAgo(31, new Date()),
    });

    const missing = await app.cronRoute.GET(cronRequest(), noParams);
    expect(missing.status).toBe(401);
    const wrong = await app.cronRoute.POST(cronRequest(`${CRON_SECRET}x`, "POST"), noParams);
    expect(wrong.status).toBe(401);
    expect(await app.getDb().systemError.count({ where: { id: resolved } })).toBe(1);
  });

  it("runs retention with the configured periods and answers the counts", async () => {
    // The route uses the real clock and the defaults (30 / 90 days).
    const resolved = await seedSystemError({
      createdAt: daysAgo(40, new Date()),
      resolvedAt: daysAgo(31, new Date()),
    });

    const response = await app.cronRoute.GET(cronRequest(CRON_SECRET), noParams);

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      systemErrorsDeleted: expect.any(Number),
      eventsDeleted: expect.any(Number),
      eventsKeptReferenced: expect.any(Number),
      eventsKeptLatest: expect.any(Number),
      hasMore: false,
    });
    expect(body.systemErrorsDeleted).toBeGreaterThanOrEqual(1);
    expect(await app.getDb().systemError.count({ where: { id: resolved } })).toBe(0);
  });
});
