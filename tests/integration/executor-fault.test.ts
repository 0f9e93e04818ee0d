import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as reportRun } from "@/app/api/executor/schedules/[id]/runs/route";
import { POST as stopSchedule } from "@/app/api/executor/schedules/[id]/stop/route";
import { POST as createSchedule, GET as listSchedules } from "@/app/api/executor/schedules/route";
import { GET as getTraderCode } from "@/app/api/executor/traders/[id]/code/route";
import { GET as listTraders } from "@/app/api/executor/traders/route";
import type { ExecutorSummary } from "@/executor/progress";
import { type ExecutorConfig, runExecutor } from "@/executor/run-executor";
import { runReportSchema } from "@/executor/run-report";
import { openSpool } from "@/executor/spool";
import { getDb } from "@/lib/db";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { type OutageProxy, startOutageProxy } from "@/tests/support/outage-proxy";
import { startRouteHttpServer } from "@/tests/support/route-http-server";

const db = getDb();

// Generous: the whole replay, an outage and the catch-up run on a shared, busy machine.
const FAULT_TEST_TIMEOUT_MS = 120_000;

const CANDLES = 24;
const SYMBOLS = ["BTCUSDT", "ETHUSDT"];
const FIVE_MINUTES = 300_000;

// Fine on BTC; on ETH it throws on every other 5m candle. The error streak never goes
// past 1, so no schedule is disabled and every error report must be accepted.
const ALTERNATING_CODE = `export default function filter({ symbol, candles }) {
  const last = candles[candles.length - 1];
  if (symbol === "ETHUSDT" && Math.floor(last.openTime / ${FIVE_MINUTES}) % 2 === 0) {
    throw new Error("ETH order book snapshot missing");
  }
  return last.close > last.open;
}
`;

type Executor = { traderId: string; token: string };

async function seedExecutor(): Promise<Executor> {
  const userId = (await seedUser(db)).id;
  const traderId = (await seedTrader(db, { userId, code: ALTERNATING_CODE })).id;
  return { traderId, token: (await seedApiKey(db, { userId })).token };
}

// Every error event id the executor put on the wire (resends carry the same id).
function createRecordingFetch() {
  const eventIds = new Set<string>();
  const recordingFetch: typeof fetch = (input, init) => {
    const body = typeof init?.body === "string" ? init.body : "";
    if (body.includes('"outcome":"error"')) {
      const parsed = JSON.parse(body) as { error?: { event_id?: string } };
      if (parsed.error?.event_id) eventIds.add(parsed.error.event_id);
    }
    return fetch(input, init);
  };
  return { eventIds, fetch: recordingFetch };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const runCount = (traderId: string) => db.workflowRun.count({ where: { schedule: { traderId } } });

// The parts of the last progress line the assertions need.
function lastProgress(logs: readonly string[]): { candles: number; pending: number } {
  const line = logs.findLast((entry) => entry.startsWith("candles "));
  const match = /^candles (\d+)\/\d+ .* pending (\d+)/.exec(line ?? "");
  return { candles: Number(match?.[1] ?? -1), pending: Number(match?.[2] ?? -1) };
}

// What must hold after any fault: one run per candle per schedule, every accepted
// error stored exactly once and linked to exactly one run, nothing left spooled.
async function expectDeliveredExactlyOnce(options: {
  traderId: string;
  eventIds: ReadonlySet<string>;
  spoolDir: string;
}) {
  const { traderId, eventIds, spoolDir } = options;
  const schedules = await db.workflowSchedule.findMany({
    where: { traderId },
    orderBy: { symbol: "asc" },
    select: {
      symbol: true,
      isActive: true,
      executionCount: true,
      consecutiveErrors: true,
      runs: { select: { candleTime: true, outcome: true, errorEventId: true } },
    },
  });
  expect(schedules.map((s) => [s.symbol, s.isActive, s.executionCount])).toEqual([
    ["BTCUSDT", true, CANDLES],
    ["ETHUSDT", true, CANDLES],
  ]);
  for (const schedule of schedules) {
    expect(schedule.runs).toHaveLength(CANDLES);
    expect(new Set(schedule.runs.map((run) => run.candleTime.getTime())).size).toBe(CANDLES);
    expect(schedule.consecutiveErrors).toBeLessThanOrEqual(1);
  }
  const [btc, eth] = schedules;
  expect(btc?.runs.every((run) => run.outcome === "ok")).toBe(true);
  const ethErrors = eth?.runs.filter((run) => run.outcome === "error") ?? [];
  // Every other candle: half of them, give or take the first one.
  expect(Math.abs(ethErrors.length - CANDLES / 2)).toBeLessThanOrEqual(1);

  const events = await db.errorEvent.findMany({
    where: { traderId },
    select: { id: true, idempotencyKey: true },
  });
  const storedIds = events.map((event) => event.idempotencyKey);
  expect(storedIds).toHaveLength(eventIds.size);
  expect(new Set(storedIds)).toEqual(eventIds);
  expect(eventIds.size).toBe(ethErrors.length);
  expect(new Set(ethErrors.map((run) => run.errorEventId))).toEqual(
    new Set(events.map((event) => event.id)),
  );

  const spool = openSpool({ dir: spoolDir, schema: runReportSchema });
  expect(spool.size).toBe(0);
  spool.close();
}

describe("the reference executor across an app outage", () => {
  let server: Awaited<ReturnType<typeof startRouteHttpServer>>;
  let proxy: OutageProxy;
  const spoolDirs: string[] = [];

  beforeAll(async () => {
    server = await startRouteHttpServer([
      { method: "GET", path: "/api/executor/traders", handler: listTraders },
      { method: "GET", path: "/api/executor/traders/[id]/code", handler: getTraderCode },
      { method: "GET", path: "/api/executor/schedules", handler: listSchedules },
      { method: "POST", path: "/api/executor/schedules", handler: createSchedule },
      { method: "POST", path: "/api/executor/schedules/[id]/runs", handler: reportRun },
      { method: "POST", path: "/api/executor/schedules/[id]/stop", handler: stopSchedule },
    ]);
    proxy = await startOutageProxy(server.port);
  });

  // A failed test must not leave the next one facing a stopped app.
  afterEach(() => proxy.start());

  afterAll(async () => {
    await proxy.close();
    await server.close();
    for (const dir of spoolDirs) rmSync(dir, { recursive: true, force: true });
  });

  function newSpoolDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), "executor-fault-"));
    spoolDirs.push(dir);
    return dir;
  }

  const config = (
    executor: Executor,
    spoolDir: string,
    overrides: Partial<ExecutorConfig>,
  ): ExecutorConfig => ({
    url: proxy.url,
    apiKey: executor.token,
    symbols: SYMBOLS,
    interval: "5m",
    candles: CANDLES,
    window: 10,
    // Paced, so candles keep closing (and being spooled) while the app is down.
    speed: 8,
    spoolDir,
    seed: 11,
    once: false,
    pollMs: 200,
    progressMs: 50,
    senderPolicy: {
      maxRetries: 3,
      initialDelayMs: 20,
      maxDelayMs: 200,
      breakerThreshold: 3,
      halfOpenAfterMs: 300,
    },
    ...overrides,
  });

  it(
    "delivers every report exactly once after the app was down mid-replay",
    async () => {
      const executor = await seedExecutor();
      const spoolDir = newSpoolDir();
      const recording = createRecordingFetch();
      const logs: string[] = [];
      const running = runExecutor(config(executor, spoolDir, { fetch: recording.fetch }), {
        log: (line) => logs.push(line),
      });

      await waitFor(async () => (await runCount(executor.traderId)) >= 2, "the first runs");
      await proxy.stop();
      const candlesAtStop = lastProgress(logs).candles;
      // Down long enough for the sender to give up a few times and open its circuit,
      // while the replay goes on spooling.
      await waitFor(() => logs.includes("server circuit open"), "the circuit to open");
      // A request the proxy cut may still have been committing when it stopped.
      const deliveredBeforeOutage = await runCount(executor.traderId);
      await waitFor(
        () => lastProgress(logs).candles >= candlesAtStop + 3,
        "candles closing during the outage",
      );
      const duringOutage = lastProgress(logs);
      expect(duringOutage.pending).toBeGreaterThan(0);
      expect(await runCount(executor.traderId)).toBe(deliveredBeforeOutage);
      expect(deliveredBeforeOutage).toBeLessThan(CANDLES * SYMBOLS.length);
      await proxy.start();

      const summary: ExecutorSummary = await running;
      expect(summary).toMatchObject({
        candles: CANDLES,
        sent: CANDLES * SYMBOLS.length,
        dropped: 0,
        pending: 0,
        schedulesDisabled: 0,
        breaker: "closed",
      });
      expect(summary.runsOk + summary.runsError).toBe(CANDLES * SYMBOLS.length);
      expect(summary.runsError).toBe(recording.eventIds.size);
      expect(summary.retried).toBeGreaterThan(0);
      expect(logs.some((line) => line.startsWith("code poll failed:"))).toBe(true);
      const opened = logs.indexOf("server circuit open");
      expect(logs.slice(opened).some((line) => line === "server circuit half-open")).toBe(true);
      expect(logs.slice(opened).some((line) => line === "server circuit closed")).toBe(true);

      await expectDeliveredExactlyOnce({
        traderId: executor.traderId,
        eventIds: recording.eventIds,
        spoolDir,
      });
    },
    FAULT_TEST_TIMEOUT_MS,
  );

  it(
    "a new executor on the same spool delivers what a stopped one left, exactly once",
    async () => {
      const executor = await seedExecutor();
      const spoolDir = newSpoolDir();
      const recording = createRecordingFetch();
      const firstLogs: string[] = [];
      const halt = new AbortController();
      const first = runExecutor(config(executor, spoolDir, { fetch: recording.fetch }), {
        signal: halt.signal,
        log: (line) => firstLogs.push(line),
      });

      await waitFor(async () => (await runCount(executor.traderId)) >= 2, "the first runs");
      await proxy.stop();
      const candlesAtStop = lastProgress(firstLogs).candles;
      await waitFor(
        () => lastProgress(firstLogs).candles >= candlesAtStop + 3,
        "candles spooled during the outage",
      );
      // The executor is stopped while the app is still down: its spool holds the rest.
      halt.abort();
      const stopped = await first;
      expect(stopped.candles).toBeLessThan(CANDLES);
      expect(stopped.pending).toBeGreaterThan(0);
      const left = openSpool({ dir: spoolDir, schema: runReportSchema });
      expect(left.size).toBe(stopped.pending);
      left.close();

      await proxy.start();
      const secondLogs: string[] = [];
      const resumed = await runExecutor(
        config(executor, spoolDir, { fetch: recording.fetch, once: true, speed: 0 }),
        { log: (line) => secondLogs.push(line) },
      );
      expect(secondLogs).toContain(
        `spool: ${stopped.pending} undelivered report(s) from an earlier run`,
      );
      expect(resumed).toMatchObject({ candles: CANDLES, dropped: 0, pending: 0 });
      // Together the two instances ran each candle once and delivered each report once.
      const runs = (summary: ExecutorSummary) => summary.runsOk + summary.runsError;
      expect(runs(stopped) + runs(resumed)).toBe(CANDLES * SYMBOLS.length);
      expect(stopped.sent + resumed.sent).toBe(CANDLES * SYMBOLS.length);
      expect(stopped.dropped).toBe(0);
      expect(stopped.runsError + resumed.runsError).toBe(recording.eventIds.size);

      await expectDeliveredExactlyOnce({
        traderId: executor.traderId,
        eventIds: recording.eventIds,
        spoolDir,
      });
    },
    FAULT_TEST_TIMEOUT_MS,
  );
});
