import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import { getDb } from "@/lib/db";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { seedApiKey } from "@/tests/factories/seed-api-key";

export type DemoExecutor = { token: string; traderId: string };

// An executor of the demo trader's "Momentum breakout", with its own API key.
export async function createDemoExecutor(keyName: string): Promise<DemoExecutor> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { email: DEMO_TRADER_EMAIL },
    select: { id: true },
  });
  const trader = await db.trader.findFirstOrThrow({
    where: { userId: user.id, name: "Momentum breakout" },
    select: { id: true },
  });
  const { token } = await seedApiKey(db, { userId: user.id, name: keyName });
  return { token, traderId: trader.id };
}

// Reports one runtime error as the executor would and expects it stored (201).
export async function reportDemoError(
  request: APIRequestContext,
  executor: DemoExecutor,
  message: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; group_id: string }> {
  const response = await request.post("/api/errors", {
    headers: { authorization: `Bearer ${executor.token}` },
    data: {
      event_id: randomUUID(),
      trader_id: executor.traderId,
      error_type: "runtime",
      error_message: message,
      ...extra,
    },
  });
  expect(response.status()).toBe(201);
  return response.json();
}
