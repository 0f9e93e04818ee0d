import { describe, expect, it } from "vitest";
import type { ApiClient } from "@/executor/api-client";
import { createScheduleBook, scheduleEntityId } from "@/executor/schedules";
import type { TraderCode } from "@/executor/trader-code";
import type { ScheduleJson } from "@/lib/workflows/workflow-schemas";

const TRADER_ID = "7f1c2d3e-4b5a-4c6d-8e7f-901234567890";
const LAST_CANDLE = "2026-01-01T01:04:59.999Z";

const trader = (versionId: string): TraderCode => ({
  traderId: TRADER_ID,
  name: "Momentum",
  versionId,
  version: 1,
  code: "export default () => true",
  state: "running",
});

function scheduleJson(symbol: string, overrides: Partial<ScheduleJson> = {}): ScheduleJson {
  const at = "2026-01-01T00:00:00.000Z";
  return {
    id: `00000000-0000-4000-8000-00000000000${symbol === "BTCUSDT" ? 1 : 2}`,
    workflow_type: "signal_monitoring",
    entity_id: scheduleEntityId(TRADER_ID, symbol, "5m"),
    trader_id: TRADER_ID,
    symbol,
    interval: "5m",
    is_active: true,
    last_candle_time: null,
    last_run_at: null,
    execution_count: 0,
    consecutive_errors: 0,
    last_error: null,
    last_error_at: null,
    started_at: at,
    stopped_at: null,
    stop_reason: null,
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}

// The schedules API as a map of what the server holds, recording every call.
function fakeServer(schedules: Map<string, ScheduleJson>) {
  const calls: string[] = [];
  const client: ApiClient = {
    baseUrl: "http://fake",
    send: () => Promise.reject(new Error("unused")),
    async getJson(path, schema) {
      calls.push(`GET ${path}`);
      return schema.parse({ schedules: [...schedules.values()].filter((s) => s.is_active) });
    },
    async postJson(path, body, schema) {
      calls.push(`POST ${path}`);
      const { symbol } = body as { symbol: string };
      const existing = schedules.get(symbol);
      const schedule = existing ?? scheduleJson(symbol);
      schedules.set(symbol, schedule);
      return schema.parse({ schedule, created: !existing });
    },
  };
  return { client, calls };
}

describe("createScheduleBook", () => {
  it("reloads active schedules, creates missing ones and resumes after last_candle_time", async () => {
    const stored = new Map([
      ["BTCUSDT", scheduleJson("BTCUSDT", { last_candle_time: LAST_CANDLE })],
    ]);
    const { client, calls } = fakeServer(stored);
    const book = createScheduleBook({ client, interval: "5m", symbols: ["BTCUSDT", "ETHUSDT"] });

    await book.sync(trader("v1"));
    expect(calls).toEqual([
      `GET /api/executor/schedules?trader_id=${TRADER_ID}&active=true`,
      "POST /api/executor/schedules",
    ]);
    const last = Date.parse(LAST_CANDLE);
    expect(book.runnableSlot(TRADER_ID, "BTCUSDT", last - 300_000)).toBeUndefined();
    expect(book.runnableSlot(TRADER_ID, "BTCUSDT", last)).toBeUndefined();
    expect(book.runnableSlot(TRADER_ID, "BTCUSDT", last + 300_000)?.symbol).toBe("BTCUSDT");
    // The new schedule has processed nothing yet.
    expect(book.runnableSlot(TRADER_ID, "ETHUSDT", last - 300_000)?.symbol).toBe("ETHUSDT");
  });

  it("also skips candles already spooled but not yet delivered", async () => {
    const stored = new Map([
      ["BTCUSDT", scheduleJson("BTCUSDT", { last_candle_time: LAST_CANDLE })],
    ]);
    const { client } = fakeServer(stored);
    const spooled = Date.parse(LAST_CANDLE) + 600_000;
    const book = createScheduleBook({
      client,
      interval: "5m",
      symbols: ["BTCUSDT"],
      reportedUpTo: () => spooled,
    });
    await book.sync(trader("v1"));
    expect(book.runnableSlot(TRADER_ID, "BTCUSDT", spooled)).toBeUndefined();
    expect(book.runnableSlot(TRADER_ID, "BTCUSDT", spooled + 300_000)).toBeDefined();
  });

  it("keeps a stopped schedule stopped under the same code, asks again for a new version", async () => {
    const stored = new Map<string, ScheduleJson>();
    const { client, calls } = fakeServer(stored);
    const book = createScheduleBook({ client, interval: "5m", symbols: ["BTCUSDT"] });
    const [slot] = await book.sync(trader("v1"));
    const scheduleId = slot?.scheduleId ?? "";
    book.recordRun(scheduleId, 1_000);

    // The server disabled it (error limit); a re-sync under v1 does not ask for it.
    stored.set("BTCUSDT", {
      ...stored.get("BTCUSDT")!,
      is_active: false,
      stop_reason: "error_limit_exceeded",
    });
    expect(book.markStopped(scheduleId, "error_limit_exceeded", "v1")?.isActive).toBe(false);
    expect(book.markStopped(scheduleId, "error_limit_exceeded", "v1")).toBeNull();
    calls.length = 0;
    await book.sync(trader("v1"));
    expect(calls.filter((call) => call.startsWith("POST"))).toEqual([]);
    expect(book.runnableSlot(TRADER_ID, "BTCUSDT", 2_000)).toBeUndefined();

    // v2 deployed, still disabled on the server: stays stopped.
    await book.sync(trader("v2"));
    expect(calls.filter((call) => call.startsWith("POST"))).toHaveLength(1);
    expect(book.runnableSlot(TRADER_ID, "BTCUSDT", 2_000)).toBeUndefined();

    // The user re-enables it: the next recheck resumes, after the last candle it ran.
    stored.set("BTCUSDT", { ...stored.get("BTCUSDT")!, is_active: true, stop_reason: null });
    await book.recheckStopped(trader("v2"));
    expect(book.runnableSlot(TRADER_ID, "BTCUSDT", 1_000)).toBeUndefined();
    expect(book.runnableSlot(TRADER_ID, "BTCUSDT", 2_000)?.isActive).toBe(true);
  });
});
