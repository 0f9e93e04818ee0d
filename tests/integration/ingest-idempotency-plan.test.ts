import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";
import { ingestErrorEvents } from "@/lib/ingest/ingest-error-events";
import { INSERT_EVENTS_SQL } from "@/lib/ingest/insert-events-sql";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();
const STORED_EVENTS = 2_000;
const BATCH = 100;

// The replay lookup must stay an index probe per input row. As a plain join the
// planner, without statistics on a fresh table, hashed the input against every
// stored event of the user: each ingest statement then cost a scan of the user's
// whole history (24 ms at 40k events instead of under 1 ms).
describe("the ingest statement's idempotency lookup", () => {
  let pool: Pool;
  let userId: string;

  beforeAll(async () => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    userId = (await seedUser(db)).id;
    const traderId = (await seedTrader(db, { userId })).id;
    const principal = { userId, traderId: null, keyId: null };
    for (let offset = 0; offset < STORED_EVENTS; offset += BATCH) {
      const events = Array.from(
        { length: BATCH },
        (_, index): ErrorEventInput => ({
          event_id: randomUUID(),
          trader_id: traderId,
          error_type: "runtime",
          error_message: `stored event ${(offset + index) % 7}`,
        }),
      );
      await ingestErrorEvents({ principal, events, pool });
    }
  }, 120_000);

  afterAll(() => pool.end());

  it("probes the (user, idempotency key) index instead of scanning the user's events", async () => {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${INSERT_EVENTS_SQL}`, [
      userId,
      "[]",
    ]);
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(
      /Index (Only )?Scan using \S*idempotency_key\S* on trader_execution_errors/,
    );
    expect(plan).not.toMatch(/Seq Scan on trader_execution_errors/);
    expect(plan).not.toMatch(/Bitmap Heap Scan on trader_execution_errors/);
  });
});
