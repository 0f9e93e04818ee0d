import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { workflowPaths } from "@/lib/openapi/workflow-paths";
import {
  createScheduleResponseSchema,
  reportRunAlreadyProcessedSchema,
  reportRunProcessedSchema,
  scheduleInactiveProblemSchema,
  scheduleListResponseSchema,
  scheduleResponseSchema,
} from "@/lib/workflows/workflow-schemas";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import {
  candle,
  createSchedule,
  createScheduleRequest,
  type Executor,
  listSchedules,
  reportRun,
  seedExecutor,
  stopScheduleRequest,
} from "@/tests/integration/workflow-support";

const db = getDb();

describe("POST /api/executor/schedules", () => {
  let executor: Executor;

  beforeEach(async () => {
    executor = await seedExecutor();
  });

  it("creates once per trader + type + entity, and answers the existing one after that", async () => {
    const body = {
      workflow_type: "position_management",
      entity_id: "position-42",
      trader_id: executor.traderId,
      symbol: "ETHUSDT",
      interval: "5m",
    };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => createScheduleRequest(executor.token, body)),
    );

    expect(responses.map((response) => response.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const bodies = await Promise.all(
      responses.map(async (response) => createScheduleResponseSchema.parse(await response.json())),
    );
    expect(new Set(bodies.map((answer) => answer.schedule.id)).size).toBe(1);
    expect(bodies.filter((answer) => answer.created)).toHaveLength(1);
    expect(bodies[0]?.schedule).toMatchObject({
      workflow_type: "position_management",
      entity_id: "position-42",
      trader_id: executor.traderId,
      symbol: "ETHUSDT",
      interval: "5m",
      is_active: true,
      last_candle_time: null,
      execution_count: 0,
      consecutive_errors: 0,
      stop_reason: null,
    });
    expect(await db.workflowSchedule.count({ where: { traderId: executor.traderId } })).toBe(1);
  });

  it("returns a stopped schedule as it is instead of reactivating it", async () => {
    const schedule = await createSchedule(executor, { entity_id: "signal-1" });
    await stopScheduleRequest(executor.token, schedule.id, { reason: "symbol delisted" });

    const again = await createScheduleRequest(executor.token, {
      workflow_type: "signal_monitoring",
      entity_id: "signal-1",
      trader_id: executor.traderId,
      symbol: "BTCUSDT",
      interval: "1m",
    });

    expect(again.status).toBe(200);
    const body = createScheduleResponseSchema.parse(await again.json());
    expect(body).toMatchObject({
      created: false,
      schedule: { id: schedule.id, is_active: false, stop_reason: "symbol delisted" },
    });
  });

  it("rejects an invalid body with problem+json naming the fields", async () => {
    const response = await createScheduleRequest(executor.token, {
      workflow_type: "arbitrage",
      entity_id: "",
      trader_id: "not-a-uuid",
      symbol: "BTCUSDT",
      interval: "1m",
    });

    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors.map((field: { path: string }) => field.path).sort()).toEqual([
      "entity_id",
      "trader_id",
      "workflow_type",
    ]);
  });

  it("answers 401 without a key", async () => {
    const response = await createScheduleRequest("", { workflow_type: "signal_monitoring" });
    expect(response.status).toBe(401);
  });
});

describe("tenancy", () => {
  let owner: Executor;
  let stranger: Executor;
  let scheduleId: string;

  beforeEach(async () => {
    owner = await seedExecutor();
    stranger = await seedExecutor();
    scheduleId = (await createSchedule(owner)).id;
  });

  it("hides another user's trader and schedule behind 404", async () => {
    const create = await createScheduleRequest(stranger.token, {
      workflow_type: "signal_monitoring",
      entity_id: "steal",
      trader_id: owner.traderId,
      symbol: "BTCUSDT",
      interval: "1m",
    });
    const list = await listSchedules(stranger.token, `?trader_id=${owner.traderId}`);
    const report = await reportRun(stranger.token, scheduleId, {
      candle_time: candle(1),
      outcome: "ok",
    });
    const stop = await stopScheduleRequest(stranger.token, scheduleId, { reason: "mine now" });

    for (const response of [create, list, report, stop]) {
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    const schedule = await db.workflowSchedule.findUniqueOrThrow({ where: { id: scheduleId } });
    expect(schedule).toMatchObject({ isActive: true, executionCount: 0, stopReason: null });
    expect(await db.workflowSchedule.count({ where: { traderId: owner.traderId } })).toBe(1);
  });

  it("limits a key scoped to one trader to that trader", async () => {
    const other = await seedTrader(db, { userId: owner.userId });
    const scoped = await seedApiKey(db, { userId: owner.userId, traderId: other.id });

    const create = await createScheduleRequest(scoped.token, {
      workflow_type: "signal_monitoring",
      entity_id: "x",
      trader_id: owner.traderId,
      symbol: "BTCUSDT",
      interval: "1m",
    });
    const report = await reportRun(scoped.token, scheduleId, {
      candle_time: candle(1),
      outcome: "ok",
    });
    const stop = await stopScheduleRequest(scoped.token, scheduleId, { reason: "x" });
    const list = await listSchedules(scoped.token, `?trader_id=${owner.traderId}`);
    for (const response of [create, report, stop, list]) expect(response.status).toBe(404);

    // Its own trader works, and its unfiltered list holds only that trader's schedules.
    const own = await createScheduleRequest(scoped.token, {
      workflow_type: "signal_monitoring",
      entity_id: "own",
      trader_id: other.id,
      symbol: "SOLUSDT",
      interval: "1m",
    });
    expect(own.status).toBe(201);
    const listed = scheduleListResponseSchema.parse(
      await (await listSchedules(scoped.token)).json(),
    );
    expect(listed.schedules.map((schedule) => schedule.trader_id)).toEqual([other.id]);
  });
});

describe("stop and restart", () => {
  let executor: Executor;

  beforeEach(async () => {
    executor = await seedExecutor();
  });

  it("stops idempotently, keeping the first reason, and a stopped schedule refuses runs with 409", async () => {
    const schedule = await createSchedule(executor);
    const first = await stopScheduleRequest(executor.token, schedule.id, {
      reason: "position closed",
    });
    const second = await stopScheduleRequest(executor.token, schedule.id, { reason: "other" });

    expect(first.status).toBe(200);
    const stopped = scheduleResponseSchema.parse(await first.json()).schedule;
    expect(stopped).toMatchObject({ is_active: false, stop_reason: "position closed" });
    expect(stopped.stopped_at).not.toBeNull();
    expect(scheduleResponseSchema.parse(await second.json()).schedule).toEqual(stopped);

    const report = await reportRun(executor.token, schedule.id, {
      candle_time: candle(1),
      outcome: "ok",
    });
    expect(report.status).toBe(409);
    expect(report.headers.get("content-type")).toBe("application/problem+json");
    const problem = scheduleInactiveProblemSchema.parse(await report.json());
    expect(problem.schedule.stop_reason).toBe("position closed");
    expect(await db.workflowRun.count({ where: { scheduleId: schedule.id } })).toBe(0);

    const empty = await stopScheduleRequest(executor.token, schedule.id, { reason: "" });
    expect(empty.status).toBe(422);
  });

  it("lists active schedules with last_candle_time so a restarted executor resumes without reprocessing", async () => {
    const kept = await createSchedule(executor, { symbol: "BTCUSDT" });
    const stopped = await createSchedule(executor, { symbol: "ETHUSDT" });
    await stopScheduleRequest(executor.token, stopped.id, { reason: "done" });
    for (const minute of [1, 2, 3]) {
      const response = await reportRun(executor.token, kept.id, {
        candle_time: candle(minute),
        outcome: "ok",
      });
      expect(response.status).toBe(201);
    }
    // An out-of-order late candle never moves last_candle_time backwards.
    await reportRun(executor.token, kept.id, { candle_time: candle(0), outcome: "ok" });

    // "Restart": a fresh executor only has its key and reloads.
    const active = scheduleListResponseSchema.parse(
      await (await listSchedules(executor.token, `?trader_id=${executor.traderId}`)).json(),
    );
    expect(active.schedules).toHaveLength(1);
    expect(active.schedules[0]).toMatchObject({
      id: kept.id,
      last_candle_time: candle(3),
      execution_count: 4,
    });
    const all = scheduleListResponseSchema.parse(
      await (await listSchedules(executor.token, "?active=all")).json(),
    );
    expect(all.schedules.map((schedule) => schedule.id).sort()).toEqual(
      [kept.id, stopped.id].sort(),
    );
    const inactive = scheduleListResponseSchema.parse(
      await (await listSchedules(executor.token, "?active=false")).json(),
    );
    expect(inactive.schedules.map((schedule) => schedule.id)).toEqual([stopped.id]);

    // Re-reporting the last processed candle after the restart changes nothing.
    const replay = await reportRun(executor.token, kept.id, {
      candle_time: candle(3),
      outcome: "error",
      error: { error_type: "runtime", error_message: "a different outcome this time" },
    });
    expect(replay.status).toBe(200);
    const body = reportRunAlreadyProcessedSchema.parse(await replay.json());
    expect(body.run).toMatchObject({ candle_time: candle(3), outcome: "ok" });
    expect(body.schedule).toMatchObject({ execution_count: 4, consecutive_errors: 0 });
    expect(await db.errorEvent.count({ where: { traderId: executor.traderId } })).toBe(0);

    const next = await reportRun(executor.token, kept.id, {
      candle_time: candle(4),
      outcome: "ok",
    });
    expect(next.status).toBe(201);
    expect(reportRunProcessedSchema.parse(await next.json()).schedule.execution_count).toBe(5);
  });

  it("rejects a bad query and an error on an ok run", async () => {
    const schedule = await createSchedule(executor);
    expect((await listSchedules(executor.token, "?active=maybe")).status).toBe(422);
    const both = await reportRun(executor.token, schedule.id, {
      candle_time: candle(1),
      outcome: "ok",
      error: { error_type: "runtime", error_message: "x" },
    });
    const missing = await reportRun(executor.token, schedule.id, {
      candle_time: candle(1),
      outcome: "error",
    });
    const badTime = await reportRun(executor.token, schedule.id, {
      candle_time: "yesterday",
      outcome: "ok",
    });
    for (const response of [both, missing, badTime]) expect(response.status).toBe(422);
    expect(await db.workflowRun.count({ where: { scheduleId: schedule.id } })).toBe(0);
  });
});

describe("OpenAPI: workflow schedule paths", () => {
  it("only references components the document defines", () => {
    const document = buildOpenApiDocument();
    const refs = JSON.stringify(workflowPaths).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const raw of new Set(refs)) {
      const ref = raw.slice('"$ref":"'.length, -1);
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>(
          (node, key) =>
            typeof node === "object" && node !== null ? Reflect.get(node, key) : undefined,
          document,
        );
      expect(target, ref).toBeTypeOf("object");
    }
  });
});
