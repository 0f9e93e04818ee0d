import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The re-enable action runs with a real next-auth session inside a Next request scope.
// Revalidation needs a running server's cache; the test checks which page is refreshed.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { revalidatePath } from "next/cache";
import { reenableScheduleAction } from "@/app/(app)/traders/[id]/schedule-actions";
import { getDb } from "@/lib/db";
import { ingestErrorEvents } from "@/lib/ingest/ingest-error-events";
import { deriveRunEventId } from "@/lib/workflows/derive-run-event-id";
import { listTraderSchedules } from "@/lib/workflows/list-trader-schedules";
import {
  reportRunAlreadyProcessedSchema,
  reportRunProcessedSchema,
} from "@/lib/workflows/workflow-schemas";
import { seedUser } from "@/tests/factories/seed-user";
import {
  candle,
  createSchedule,
  type Executor,
  errorReport,
  reportRun,
  seedExecutor,
} from "@/tests/integration/workflow-support";
import { jsonRequest } from "@/tests/support/api-request";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();

async function countDisabledNotifications(userId: string) {
  const notifications = await db.notification.findMany({
    where: { userId, kind: "workflow_disabled" },
    select: { id: true, traderId: true, title: true, body: true },
  });
  const jobs = await db.job.count({
    where: { dedupeKey: { in: notifications.map((n) => `notification.deliver:${n.id}`) } },
  });
  return { notifications, jobs };
}

async function signedIn(user: { id: string; email: string; name: string | null }) {
  const cookie = await createSessionCookie(user);
  return <T>(run: () => Promise<T>) =>
    runInRequestScope(jsonRequest("/traders", { headers: { cookie } }), run);
}

afterEach(() => {
  vi.mocked(revalidatePath).mockClear();
});

describe("POST /api/executor/schedules/:id/runs – de-duplication", () => {
  let executor: Executor;
  let scheduleId: string;

  beforeEach(async () => {
    executor = await seedExecutor();
    scheduleId = (await createSchedule(executor)).id;
  });

  it("processes 100 concurrent reports of one candle exactly once", async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        reportRun(executor.token, scheduleId, { candle_time: candle(7), outcome: "ok" }),
      ),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(99);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    const duplicates = bodies.filter((body) => body.status === "already_processed");
    expect(duplicates).toHaveLength(99);
    for (const body of duplicates) reportRunAlreadyProcessedSchema.parse(body);
    expect(new Set(bodies.map((body) => body.run.id)).size).toBe(1);

    expect(await db.workflowRun.count({ where: { scheduleId } })).toBe(1);
    const schedule = await db.workflowSchedule.findUniqueOrThrow({ where: { id: scheduleId } });
    expect(schedule.executionCount).toBe(1);
    expect(schedule.lastCandleTime?.toISOString()).toBe(candle(7));
  });

  it("processes 50 concurrent error reports of one candle once, storing one error event", async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => reportRun(executor.token, scheduleId, errorReport(9))),
    );

    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(49);
    expect(await db.workflowRun.count({ where: { scheduleId } })).toBe(1);
    expect(await db.errorEvent.count({ where: { traderId: executor.traderId } })).toBe(1);
    const schedule = await db.workflowSchedule.findUniqueOrThrow({ where: { id: scheduleId } });
    expect(schedule).toMatchObject({ executionCount: 1, consecutiveErrors: 1 });
  });
});

describe("consecutive errors and auto-disable", () => {
  let executor: Executor;
  let scheduleId: string;

  beforeEach(async () => {
    executor = await seedExecutor();
    scheduleId = (await createSchedule(executor, { symbol: "SOLUSDT", interval: "15m" })).id;
  });

  it("disables on the 5th consecutive error with exactly one notification and delivery job, each error stored once across retries", async () => {
    // An ok run between errors resets the streak: errors 1–2, ok, then 5 more.
    const sequence = [
      errorReport(1),
      errorReport(2),
      { candle_time: candle(3), outcome: "ok" },
      errorReport(4),
      errorReport(5),
      errorReport(6),
      errorReport(7),
      errorReport(8),
    ];
    const answers = [];
    for (const body of sequence) {
      // Every report is sent twice at once and once more afterwards: a retrying executor.
      const [first, second] = await Promise.all([
        reportRun(executor.token, scheduleId, body),
        reportRun(executor.token, scheduleId, body),
      ]);
      const retry = await reportRun(executor.token, scheduleId, body);
      const statuses = [first?.status, second?.status].sort();
      expect(statuses).toEqual([200, 201]);
      expect(retry.status).toBe(200);
      const processed = first?.status === 201 ? first : second;
      answers.push(reportRunProcessedSchema.parse(await processed?.json()));
    }

    expect(answers.map((answer) => answer.schedule.consecutive_errors)).toEqual([
      1, 2, 0, 1, 2, 3, 4, 5,
    ]);
    expect(answers.map((answer) => answer.disabled)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    const last = answers.at(-1);
    expect(last?.schedule).toMatchObject({
      is_active: false,
      stop_reason: "error_limit_exceeded",
      execution_count: 8,
      consecutive_errors: 5,
      last_candle_time: candle(8),
    });
    expect(last?.schedule.stopped_at).not.toBeNull();
    expect(last?.schedule.last_error).toContain("#8");
    // Whichever of two concurrent reports records the run answers "processed"; its error
    // ingest may have been the replay of the other's, so only the grouping is asserted.
    expect(last?.error?.group_id).toEqual(expect.any(String));
    expect(last?.error?.group_id).toBe(answers[0]?.error?.group_id);

    // 7 error reports, each sent three times: 7 events, each linked from its run.
    expect(await db.errorEvent.count({ where: { traderId: executor.traderId } })).toBe(7);
    const runs = await db.workflowRun.findMany({ where: { scheduleId } });
    expect(runs).toHaveLength(8);
    expect(runs.filter((run) => run.errorEventId !== null)).toHaveLength(7);

    const { notifications, jobs } = await countDisabledNotifications(executor.userId);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ traderId: executor.traderId });
    expect(notifications[0]?.title).toContain("SOLUSDT 15m");
    expect(notifications[0]?.body).toContain("5 consecutive");
    expect(jobs).toBe(1);

    // Further reports are refused; nothing is ingested or counted for them.
    const after = await reportRun(executor.token, scheduleId, errorReport(9));
    expect(after.status).toBe(409);
    expect((await after.json()).code).toBe("schedule_inactive");
    expect(await db.errorEvent.count({ where: { traderId: executor.traderId } })).toBe(7);
    expect((await countDisabledNotifications(executor.userId)).notifications).toHaveLength(1);
  });

  it("links an error ingested before a crash instead of storing it again", async () => {
    const report = errorReport(11);
    // The first attempt got as far as ingestion, then the executor's request died.
    await ingestErrorEvents({
      principal: { userId: executor.userId, traderId: null, keyId: null },
      events: [
        {
          ...report.error,
          error_type: "runtime",
          trader_id: executor.traderId,
          event_id: deriveRunEventId(scheduleId, new Date(report.candle_time)),
        },
      ],
    });

    const response = await reportRun(executor.token, scheduleId, report);

    expect(response.status).toBe(201);
    const body = reportRunProcessedSchema.parse(await response.json());
    expect(body.error?.replayed).toBe(true);
    expect(await db.errorEvent.count({ where: { traderId: executor.traderId } })).toBe(1);
    expect(body.run.error_event_id).not.toBeNull();
  });

  it("stores a client event_id once and refuses an error for another trader", async () => {
    const eventId = crypto.randomUUID();
    const body = errorReport(12, { event_id: eventId });
    const first = await reportRun(executor.token, scheduleId, body);
    const retry = await reportRun(executor.token, scheduleId, body);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(reportRunProcessedSchema.parse(await first.json()).error?.event_id).toBe(eventId);
    expect(await db.errorEvent.count({ where: { traderId: executor.traderId } })).toBe(1);

    const foreign = await reportRun(
      executor.token,
      scheduleId,
      errorReport(13, { trader_id: crypto.randomUUID() }),
    );
    expect(foreign.status).toBe(422);
    expect(await db.workflowRun.count({ where: { scheduleId } })).toBe(1);
  });
});

describe("re-enable", () => {
  let executor: Executor;
  let scheduleId: string;

  beforeEach(async () => {
    executor = await seedExecutor();
    scheduleId = (await createSchedule(executor)).id;
    for (let minute = 1; minute <= 5; minute += 1) {
      await reportRun(executor.token, scheduleId, errorReport(minute));
    }
  });

  it("resets the counter, clears the stop, is audited, and the schedule runs again", async () => {
    const owner = await db.user.findUniqueOrThrow({ where: { id: executor.userId } });
    const asOwner = await signedIn(owner);
    const before = Date.now();

    const result = await asOwner(() => reenableScheduleAction({ scheduleId }));

    expect(result).toEqual({ ok: true, data: { id: scheduleId, isActive: true } });
    expect(revalidatePath).toHaveBeenCalledWith(`/traders/${executor.traderId}`);
    const schedule = await db.workflowSchedule.findUniqueOrThrow({ where: { id: scheduleId } });
    expect(schedule).toMatchObject({
      isActive: true,
      consecutiveErrors: 0,
      stoppedAt: null,
      stopReason: null,
      executionCount: 5,
    });
    expect(schedule.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    const audits = await db.workflowScheduleAudit.findMany({ where: { scheduleId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorUserId: executor.userId,
      action: "reenabled",
      previousStopReason: "error_limit_exceeded",
      previousConsecutiveErrors: 5,
    });
    expect(audits[0]?.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);

    // Again on an active schedule: no change, no second audit row.
    expect((await asOwner(() => reenableScheduleAction({ scheduleId }))).ok).toBe(true);
    expect(await db.workflowScheduleAudit.count({ where: { scheduleId } })).toBe(1);

    const next = await reportRun(executor.token, scheduleId, {
      candle_time: candle(6),
      outcome: "ok",
    });
    expect(next.status).toBe(201);
    const listed = await listTraderSchedules({
      userId: executor.userId,
      traderId: executor.traderId,
    });
    expect(listed).toMatchObject([{ id: scheduleId, isActive: true, executionCount: 6 }]);
  });

  it("answers another user not_found and changes nothing", async () => {
    const stranger = await seedUser(db);
    const asStranger = await signedIn(stranger);

    const result = await asStranger(() => reenableScheduleAction({ scheduleId }));

    expect(result).toMatchObject({ ok: false, code: "not_found" });
    const schedule = await db.workflowSchedule.findUniqueOrThrow({ where: { id: scheduleId } });
    expect(schedule).toMatchObject({ isActive: false, consecutiveErrors: 5 });
    expect(await db.workflowScheduleAudit.count({ where: { scheduleId } })).toBe(0);
    await expect(
      listTraderSchedules({ userId: stranger.id, traderId: executor.traderId }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses without a session", async () => {
    const result = await runInRequestScope(jsonRequest("/traders"), () =>
      reenableScheduleAction({ scheduleId }),
    );
    expect(result).toMatchObject({ ok: false, code: "unauthorized" });
  });
});
