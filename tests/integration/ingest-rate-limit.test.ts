import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";

// lib/env reads limits once at import: set tight ones before importing the route.
process.env.INGEST_RATE_LIMIT_PER_KEY = "5";
process.env.INGEST_RATE_LIMIT_PER_USER = "8";

describe("POST /api/errors rate limits", () => {
  let post: (token: string, body: unknown) => Promise<Response>;
  let traderId: string;
  let userId: string;

  beforeAll(async () => {
    const { POST } = await import("@/app/api/errors/route");
    const { getDb } = await import("@/lib/db");
    post = (token, body) => POST(jsonRequest("/api/errors", { token, body }), noParams);
    userId = (await seedUser(getDb())).id;
    traderId = (await seedTrader(getDb(), { userId })).id;
  });

  const event = () => ({
    event_id: randomUUID(),
    trader_id: traderId,
    error_type: "runtime",
    error_message: "boom",
  });

  it("answers 429 with Retry-After once a key spends its per-minute budget, counting batch events", async () => {
    const { getDb } = await import("@/lib/db");
    const { token } = await seedApiKey(getDb(), { userId });
    expect((await post(token, { events: [event(), event(), event(), event()] })).status).toBe(201);
    expect((await post(token, event())).status).toBe(201);
    const limited = await post(token, event());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ code: "rate_limited" });
  });

  it("applies the per-user budget across the user's keys", async () => {
    const { getDb } = await import("@/lib/db");
    const owner = (await seedUser(getDb())).id;
    const ownTrader = (await seedTrader(getDb(), { userId: owner })).id;
    const [a, b] = await Promise.all([
      seedApiKey(getDb(), { userId: owner }),
      seedApiKey(getDb(), { userId: owner }),
    ]);
    const ownEvent = () => ({ ...event(), trader_id: ownTrader });
    expect(
      (
        await post(a.token, {
          events: [ownEvent(), ownEvent(), ownEvent(), ownEvent(), ownEvent()],
        })
      ).status,
    ).toBe(201);
    expect((await post(b.token, { events: [ownEvent(), ownEvent(), ownEvent()] })).status).toBe(
      201,
    );
    const limited = await post(b.token, ownEvent());
    expect(limited.status).toBe(429);
    expect((await limited.json()).detail).toMatch(/account/i);
  });
});
