import { randomUUID } from "node:crypto";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { DEMO_EMAIL_DOMAIN } from "@/lib/auth/demo-sign-in";
import type { Db } from "@/lib/db";
import { ingestErrorEvents } from "@/lib/ingest/ingest-error-events";
import { createTrader } from "@/lib/traders/create-trader";
import { demoEvents, MOMENTUM_FILTER, RSI_FILTER } from "@/prisma/demo-data";

export const DEMO_TRADER_EMAIL = `trader@${DEMO_EMAIL_DOMAIN}`;
export const DEMO_ADMIN_EMAIL = `admin@${DEMO_EMAIL_DOMAIN}`;

// Idempotent: a database that already has the demo trader is left alone.
// Errors go through ingestErrorEvents, the same path executors use.
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const existing = await db.user.findUnique({
    where: { email: DEMO_TRADER_EMAIL },
    select: { id: true },
  });
  if (existing) return { created: false };

  const trader = await db.user.create({
    data: { email: DEMO_TRADER_EMAIL, name: "Dana Trader", role: "trader" },
    select: { id: true },
  });
  await db.user.create({ data: { email: DEMO_ADMIN_EMAIL, name: "Avery Admin", role: "admin" } });

  const momentum = await createTrader(db, {
    userId: trader.id,
    name: "Momentum breakout",
    description: "20-candle breakout on rising volume, 5m and 1h.",
    code: MOMENTUM_FILTER,
  });
  const rsi = await createTrader(db, {
    userId: trader.id,
    name: "Mean reversion RSI",
    description: "RSI(14) oversold bounce, 15m.",
    code: RSI_FILTER,
  });
  const { token } = await createApiKey(db, { userId: trader.id, name: "Demo executor" });
  const principal = await authenticateApiKey(token);
  if (!principal) throw new Error("The demo API key could not be authenticated.");

  const traderIds = { momentum: momentum.id, rsi: rsi.id };
  const versionIds = { momentum: momentum.activeVersionId, rsi: rsi.activeVersionId };
  const now = Date.now();
  for (const { trader: key, hoursAgo, ...event } of demoEvents) {
    await ingestErrorEvents({
      principal,
      events: [
        {
          ...event,
          event_id: randomUUID(),
          trader_id: traderIds[key],
          code_version_id: versionIds[key] ?? undefined,
          occurred_at: new Date(now - hoursAgo * 3_600_000).toISOString(),
        },
      ],
    });
  }
  return { created: true };
}
