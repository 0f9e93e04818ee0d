import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as reportRun } from "@/app/api/executor/schedules/[id]/runs/route";
import { POST as stopSchedule } from "@/app/api/executor/schedules/[id]/stop/route";
import { POST as createSchedule, GET as listSchedules } from "@/app/api/executor/schedules/route";
import { GET as getTraderCode } from "@/app/api/executor/traders/[id]/code/route";
import { GET as listTraders } from "@/app/api/executor/traders/route";
import { type ExecutorConfig, runExecutor } from "@/executor/run-executor";
import { runReportSchema } from "@/executor/run-report";
import { openSpool } from "@/executor/spool";
import { getDb } from "@/lib/db";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { startRouteHttpServer } from "@/tests/support/route-http-server";

const db = getDb();

// Fine on BTC, throws on every ETH candle: one error event per ETH candle close.
const FLAKY_CODE = `export default function filter({ symbol, candles }) {
  if (symbol === "ETHUSDT") throw new Error("ETH feed is not supported");
  const last = candles[candles.length - 1];
  return last.close > last.open;
}
`;

describe("the reference executor against the real schedule routes", () => {
  let server: Awaited<ReturnType<typeof startRouteHttpServer>>;
  let spoolDir: string;
  let userId: string;
  let traderId: string;
  let token: string;

  beforeAll(async () => {
    server = await startRouteHttpServer([
      { method: "GET", path: "/api/executor/traders", handler: listTraders },
      { method: "GET", path: "/api/executor/traders/[id]/code", handler: getTraderCode },
      { method: "GET", path: "/api/executor/schedules", handler: listSchedules },
      { method: "POST", path: "/api/executor/schedules", handler: createSchedule },
      { method: "POST", path: "/api/executor/schedules/[id]/runs", handler: reportRun },
      { method: "POST", path: "/api/executor/schedules/[id]/stop", handler: stopSchedule },
    ]);
    spoolDir = mkdtempSync(path.join(tmpdir(), "executor-run-"));
    userId = (await seedUser(db)).id;
    traderId = (await seedTrader(db, { userId, code: FLAKY_CODE })).id;
    token = (await seedApiKey(db, { userId })).token;
  });

  afterAll(async () => {
    await server.close();
    rmSync(spoolDir, { recursive: true, force: true });
  });

  const config = (overrides: Partial<ExecutorConfig>): ExecutorConfig => ({
    url: server.url,
    apiKey: token,
    symbols: ["BTCUSDT", "ETHUSDT"],
    interval: "5m",
    candles: 4,
    window: 10,
    speed: 0,
    spoolDir,
    seed: 7,
    once: true,
    pollMs: 200,
    senderPolicy: { initialDelayMs: 10, maxDelayMs: 50 },
    ...overrides,
  });

  async function runsOf(symbol: string) {
    return db.workflowRun.findMany({
      where: { schedule: { traderId, symbol } },
      orderBy: { candleTime: "asc" },
      select: { candleTime: true, outcome: true, errorEventId: true, codeVersionId: true },
    });
  }

  it("records every run once and stores each error event exactly once, even when a response is lost", async () => {
    // The first error report reaches the server but its answer is lost on the way back.
    let isAnswerLost = false;
    const losingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = typeof init?.body === "string" ? init.body : "";
      if (!isAnswerLost && body.includes('"outcome":"error"')) {
        isAnswerLost = true;
        throw new TypeError("fetch failed: socket hang up");
      }
      return response;
    };
    const logs: string[] = [];
    const summary = await runExecutor(config({ fetch: losingFetch }), {
      log: (line) => logs.push(line),
    });

    expect(isAnswerLost).toBe(true);
    expect(summary).toMatchObject({
      candles: 4,
      runsOk: 4,
      runsError: 4,
      sent: 8,
      retried: 1,
      dropped: 0,
      pending: 0,
    });
    const btc = await runsOf("BTCUSDT");
    const eth = await runsOf("ETHUSDT");
    expect(btc.map((run) => run.outcome)).toEqual(["ok", "ok", "ok", "ok"]);
    expect(eth.map((run) => run.outcome)).toEqual(["error", "error", "error", "error"]);
    expect(eth.map((run) => run.candleTime)).toEqual(btc.map((run) => run.candleTime));
    // Every run names the version that ran, for the deploy watch.
    const { activeVersionId } = await db.trader.findUniqueOrThrow({ where: { id: traderId } });
    expect(activeVersionId).not.toBeNull();
    expect(new Set([...btc, ...eth].map((run) => run.codeVersionId))).toEqual(
      new Set([activeVersionId]),
    );

    const events = await db.errorEvent.findMany({ where: { traderId } });
    expect(events).toHaveLength(4);
    expect(new Set(events.map((event) => event.id))).toEqual(
      new Set(eth.map((run) => run.errorEventId)),
    );
    expect(events.every((event) => event.errorMessage === "Error: ETH feed is not supported")).toBe(
      true,
    );
    const schedules = await db.workflowSchedule.findMany({
      where: { traderId },
      orderBy: { symbol: "asc" },
    });
    expect(
      schedules.map((s) => [s.symbol, s.isActive, s.executionCount, s.consecutiveErrors]),
    ).toEqual([
      ["BTCUSDT", true, 4, 0],
      ["ETHUSDT", true, 4, 4],
    ]);
    expect(openSpool({ dir: spoolDir, schema: runReportSchema }).size).toBe(0);
  });

  it("resumes after last_candle_time on restart and stops a schedule the server disabled", async () => {
    const logs: string[] = [];
    const summary = await runExecutor(config({ candles: 7 }), { log: (line) => logs.push(line) });

    // Candles 1–4 were processed by the first run: only 5–7 run now.
    expect(summary.candles).toBe(7);
    expect(summary.runsOk).toBe(3);
    const btc = await runsOf("BTCUSDT");
    const eth = await runsOf("ETHUSDT");
    expect(btc).toHaveLength(7);
    // The 5th consecutive error disabled ETH; later ETH candles were never recorded.
    expect(eth).toHaveLength(5);
    expect(await db.errorEvent.count({ where: { traderId } })).toBe(5);
    const ethSchedule = await db.workflowSchedule.findFirstOrThrow({
      where: { traderId, symbol: "ETHUSDT" },
    });
    expect(ethSchedule).toMatchObject({ isActive: false, stopReason: "error_limit_exceeded" });
    expect(summary.schedulesDisabled).toBe(1);
    // Reports already spooled when the disable arrived are refused (409), not retried.
    expect(summary.runsError - 1).toBe(summary.dropped);
    expect(summary).toMatchObject({ pending: 0, sent: 3 + 1 });
    expect(logs.some((line) => line.includes("error_limit_exceeded"))).toBe(true);
    expect(openSpool({ dir: spoolDir, schema: runReportSchema }).size).toBe(0);
  });
});
