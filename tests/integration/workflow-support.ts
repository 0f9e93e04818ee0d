import { POST as reportRunRoute } from "@/app/api/executor/schedules/[id]/runs/route";
import { POST as stopRoute } from "@/app/api/executor/schedules/[id]/stop/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/executor/schedules/route";
import { getDb } from "@/lib/db";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { uniqueSuffix } from "@/tests/factories/unique";
import { jsonRequest, noParams } from "@/tests/support/api-request";

// Shared by the workflow-*.test.ts files: real Requests through the route handlers.
// (Not a *.test.ts file itself: vitest only collects those.)

export type Executor = { userId: string; traderId: string; token: string };

export async function seedExecutor(): Promise<Executor> {
  const db = getDb();
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  const { token } = await seedApiKey(db, { userId: user.id });
  return { userId: user.id, traderId: trader.id, token };
}

export function createScheduleRequest(
  token: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return createRoute(jsonRequest("/api/executor/schedules", { token, body }), noParams);
}

export async function createSchedule(
  executor: Executor,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string } & Record<string, unknown>> {
  const response = await createScheduleRequest(executor.token, {
    workflow_type: "signal_monitoring",
    entity_id: `entity-${uniqueSuffix()}`,
    trader_id: executor.traderId,
    symbol: "BTCUSDT",
    interval: "1m",
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`create answered ${response.status}`);
  const body = (await response.json()) as { schedule: { id: string } & Record<string, unknown> };
  return body.schedule;
}

export function listSchedules(token: string, query = ""): Promise<Response> {
  return listRoute(jsonRequest(`/api/executor/schedules${query}`, { token }), noParams);
}

export function reportRun(token: string, scheduleId: string, body: unknown): Promise<Response> {
  return reportRunRoute(
    jsonRequest(`/api/executor/schedules/${scheduleId}/runs`, { token, body }),
    { params: Promise.resolve({ id: scheduleId }) },
  );
}

export function stopScheduleRequest(
  token: string,
  scheduleId: string,
  body: unknown,
): Promise<Response> {
  return stopRoute(jsonRequest(`/api/executor/schedules/${scheduleId}/stop`, { token, body }), {
    params: Promise.resolve({ id: scheduleId }),
  });
}

export function candle(minute: number): string {
  return new Date(Date.UTC(2026, 10, 24, 0, minute)).toISOString();
}

export function errorReport(minute: number, extra: Record<string, unknown> = {}) {
  return {
    candle_time: candle(minute),
    outcome: "error",
    error: {
      error_type: "runtime",
      error_message: `TypeError: Cannot read properties of undefined (reading 'close') #${minute}`,
      ...extra,
    },
  };
}
