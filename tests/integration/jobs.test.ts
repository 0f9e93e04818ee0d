import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobHandlers } from "@/lib/jobs/job-handlers";
import { jsonRequest, noParams } from "@/tests/support/api-request";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// The queue is global (a runner claims any due job), so this file runs it on a database
// of its own: counts are exact and no other file's jobs are touched.
const CRON_SECRET = "cron-secret-for-jobs-tests";
let database: TestDatabase;

async function loadApp() {
  const [db, runner, worker, cron, users] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/jobs/run-due-jobs"),
    import("@/lib/jobs/start-job-worker"),
    import("@/app/api/cron/jobs/route"),
    import("@/tests/factories/seed-user"),
  ]);
  return { ...db, ...runner, ...worker, cronRoute: cron, ...users };
}
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.CRON_SECRET = CRON_SECRET;
  delete process.env.RESEND_API_KEY;
  app = await loadApp();
}, 60_000);

afterAll(async () => {
  await app.getDb().$disconnect();
  await app.getPool().end();
  await database.drop();
});

// Digest jobs make convenient test jobs: their payload is any uuid and day.
async function createJobs(count: number, options: { maxAttempts?: number } = {}) {
  const db = app.getDb();
  const rows = await Promise.all(
    Array.from({ length: count }, () =>
      db.job.create({
        data: {
          kind: "email.digest",
          payload: { userId: randomUUID(), day: "2031-01-01" },
          maxAttempts: options.maxAttempts,
        },
        select: { id: true },
      }),
    ),
  );
  return rows.map((row) => row.id);
}

function recordingHandlers(handle: (jobId: string, attempt: number) => Promise<void>): JobHandlers {
  return {
    "notification.deliver": (_, { jobId, attempt }) => handle(jobId, attempt),
    "email.digest": (_, { jobId, attempt }) => handle(jobId, attempt),
    "regeneration.run": (_, { jobId, attempt }) => handle(jobId, attempt),
    "regeneration.auto": (_, { jobId, attempt }) => handle(jobId, attempt),
    "deploy.webhook": (_, { jobId, attempt }) => handle(jobId, attempt),
    "deploy.watch": (_, { jobId, attempt }) => handle(jobId, attempt),
  };
}

async function drainJobs(
  workerId: string,
  handlers: JobHandlers,
): Promise<{ claimed: number; done: number }> {
  let claimed = 0;
  let done = 0;
  for (;;) {
    const result = await app.runDueJobs({ limit: 5, workerId, handlers });
    if (result.claimed === 0) return { claimed, done };
    claimed += result.claimed;
    done += result.done;
  }
}

async function readJob(id: string) {
  return app.getDb().job.findUniqueOrThrow({ where: { id } });
}

describe("job runner", () => {
  it("never gives one job to two concurrent workers", async () => {
    const ids = await createJobs(40);
    const runs: string[] = [];
    const handlers = recordingHandlers(async (jobId) => {
      runs.push(jobId);
      // Long enough that the workers' batches overlap in time.
      await sleep(15);
    });

    const results = await Promise.all(
      ["worker-a", "worker-b", "worker-c"].map((workerId) => drainJobs(workerId, handlers)),
    );

    expect([...runs].sort()).toEqual([...ids].sort());
    expect(results.reduce((sum, result) => sum + result.done, 0)).toBe(40);
    expect(results.filter((result) => result.claimed > 0).length).toBeGreaterThan(1);
    const jobs = await app.getDb().job.findMany({ where: { id: { in: ids } } });
    expect(jobs.every((job) => job.status === "done" && job.attempts === 1)).toBe(true);
    expect(jobs.every((job) => job.lockedBy === null && job.completedAt !== null)).toBe(true);
  });

  it("retries a failing job later with backoff, then marks it dead keeping the last error", async () => {
    const [id] = await createJobs(1, { maxAttempts: 3 });
    const handlers = recordingHandlers(async (_, attempt) => {
      throw new Error(`provider down (attempt ${attempt})`);
    });
    const makeDue = () => app.getDb().job.update({ where: { id }, data: { runAt: new Date() } });

    const before = Date.now();
    expect(await app.runDueJobs({ limit: 5, workerId: "w", handlers })).toMatchObject({
      claimed: 1,
      retried: 1,
    });
    const first = await readJob(id!);
    expect(first).toMatchObject({ status: "failed", attempts: 1, lockedBy: null });
    expect(first.lastError).toContain("provider down (attempt 1)");
    const firstDelay = first.runAt.getTime() - before;
    expect(firstDelay).toBeGreaterThanOrEqual(14_000);
    expect(firstDelay).toBeLessThanOrEqual(31_000);

    // Not due yet: nothing is claimed.
    expect((await app.runDueJobs({ limit: 5, workerId: "w", handlers })).claimed).toBe(0);

    await makeDue();
    const beforeSecond = Date.now();
    await app.runDueJobs({ limit: 5, workerId: "w", handlers });
    const second = await readJob(id!);
    expect(second).toMatchObject({ status: "failed", attempts: 2 });
    expect(second.runAt.getTime() - beforeSecond).toBeGreaterThanOrEqual(29_000);

    await makeDue();
    expect(await app.runDueJobs({ limit: 5, workerId: "w", handlers })).toMatchObject({ dead: 1 });
    const dead = await readJob(id!);
    expect(dead).toMatchObject({ status: "dead", attempts: 3, lockedBy: null });
    expect(dead.lastError).toContain("provider down (attempt 3)");
    expect(dead.completedAt).not.toBeNull();

    await makeDue();
    expect((await app.runDueJobs({ limit: 5, workerId: "w", handlers })).claimed).toBe(0);
  });

  it("reclaims a job whose worker vanished after the visibility timeout, not a fresh one", async () => {
    const db = app.getDb();
    const [stale, fresh, exhausted] = await createJobs(3, { maxAttempts: 2 });
    const lockedAgo = (ms: number) => new Date(Date.now() - ms);
    await db.job.update({
      where: { id: stale },
      data: { status: "running", attempts: 1, lockedBy: "vanished", lockedAt: lockedAgo(600_000) },
    });
    await db.job.update({
      where: { id: fresh },
      data: { status: "running", attempts: 1, lockedBy: "busy", lockedAt: lockedAgo(60_000) },
    });
    await db.job.update({
      where: { id: exhausted },
      data: {
        status: "running",
        attempts: 2,
        lockedBy: "vanished",
        lockedAt: lockedAgo(600_000),
        lastError: "earlier failure",
      },
    });
    const runs: string[] = [];
    const handlers = recordingHandlers(async (jobId) => {
      runs.push(jobId);
    });

    await app.runDueJobs({
      limit: 10,
      workerId: "rescuer",
      handlers,
      visibilityTimeoutMs: 300_000,
    });

    expect(runs).toEqual([stale]);
    expect(await readJob(stale!)).toMatchObject({ status: "done", attempts: 2 });
    expect(await readJob(fresh!)).toMatchObject({ status: "running", lockedBy: "busy" });
    const dead = await readJob(exhausted!);
    expect(dead.status).toBe("dead");
    expect(dead.lastError).toMatch(/Lock expired.*earlier failure/);
  });

  it("ignores the late result of a worker that lost its job to a reclaim", async () => {
    const [id] = await createJobs(1);
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runs: number[] = [];
    const handlers = recordingHandlers(async (jobId, attempt) => {
      if (jobId !== id) return;
      runs.push(attempt);
      // The first (slow) run fails after the job was reclaimed and finished elsewhere.
      if (attempt === 1) {
        await released;
        throw new Error("too late");
      }
    });

    const slow = app.runDueJobs({ limit: 1, workerId: "slow", handlers });
    await expect.poll(() => runs.length).toBe(1);
    await app.runDueJobs({ limit: 10, workerId: "rescuer", handlers, visibilityTimeoutMs: 0 });
    release();
    await slow;

    expect(runs).toEqual([1, 2]);
    expect(await readJob(id!)).toMatchObject({ status: "done", attempts: 2, lastError: null });
  });

  it("marks unknown kinds and invalid payloads dead without running them", async () => {
    const db = app.getDb();
    const unknown = await db.job.create({ data: { kind: "nope.never", payload: {} } });
    const invalid = await db.job.create({ data: { kind: "email.digest", payload: { day: 1 } } });
    let runs = 0;
    const handlers = recordingHandlers(async () => {
      runs += 1;
    });

    await app.runDueJobs({ limit: 10, workerId: "w", handlers });

    expect(runs).toBe(0);
    expect(await readJob(unknown.id)).toMatchObject({ status: "dead", attempts: 1 });
    expect((await readJob(unknown.id)).lastError).toContain('Unknown job kind "nope.never"');
    expect(await readJob(invalid.id)).toMatchObject({ status: "dead" });
    expect((await readJob(invalid.id)).lastError).toContain("Invalid payload");
  });

  it("runs jobs from the in-process worker until stopped", async () => {
    const user = await app.seedUser(app.getDb());
    const job = await app.getDb().job.create({
      data: { kind: "email.digest", payload: { userId: user.id, day: "2031-01-02" } },
    });
    const worker = app.startJobWorker({ pollMs: 20 });
    try {
      await expect
        .poll(async () => (await readJob(job.id)).status, { timeout: 10_000 })
        .toBe("done");
      expect((await readJob(job.id)).lockedBy).toBeNull();
    } finally {
      await worker.stop();
    }
  });
});

describe("GET|POST /api/cron/jobs", () => {
  const cronRequest = (token?: string, method = "GET") =>
    jsonRequest("/api/cron/jobs", { method, token });

  it("needs the cron secret", async () => {
    const missing = await app.cronRoute.GET(cronRequest(), noParams);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    const wrong = await app.cronRoute.GET(cronRequest(`${CRON_SECRET}x`), noParams);
    expect(wrong.status).toBe(401);
  });

  it("runs a batch of due jobs with the real handlers and answers the counts", async () => {
    const user = await app.seedUser(app.getDb());
    // A digest job for a user with nothing to digest: the real handler finishes it.
    const job = await app.getDb().job.create({
      data: { kind: "email.digest", payload: { userId: user.id, day: "2031-01-03" } },
    });

    const response = await app.cronRoute.POST(cronRequest(CRON_SECRET, "POST"), noParams);

    expect(response.status).toBe(200);
    const counts = await response.json();
    expect(counts).toMatchObject({ retried: 0, dead: 0 });
    expect(counts.claimed).toBeGreaterThanOrEqual(1);
    expect(counts.done).toBe(counts.claimed);
    expect((await readJob(job.id)).status).toBe("done");
    expect(await app.getDb().emailMessage.count({ where: { userId: user.id } })).toBe(0);
  });
});
