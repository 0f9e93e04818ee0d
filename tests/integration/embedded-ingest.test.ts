import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from "@/lib/embedded-db/start-embedded-postgres";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { jsonRequest, noParams } from "@/tests/support/api-request";

// `npm start`'s default: the app on the embedded database (one shared session behind
// several pooled connections). CI otherwise runs on a real server, so this file keeps
// the embedded path honest whatever TEST_DATABASE_URL says.
let embedded: EmbeddedPostgres;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  await applyMigrations({ connectionString: embedded.url });
  process.env.DATABASE_URL = embedded.url;
  process.env.EMBEDDED_DB = "true";
}, 60_000);

afterAll(async () => {
  const { getDb, getPool } = await import("@/lib/db");
  await getDb().$disconnect();
  await getPool().end();
  await embedded.stop();
});

describe("ingest on the embedded database", () => {
  it("accepts concurrent events across pooled connections, once each", async () => {
    const { POST } = await import("@/app/api/errors/route");
    const { getDb } = await import("@/lib/db");
    const { seedUser } = await import("@/tests/factories/seed-user");
    const { seedTrader } = await import("@/tests/factories/seed-trader");
    const { seedApiKey } = await import("@/tests/factories/seed-api-key");
    const db = getDb();
    const userId = (await seedUser(db)).id;
    const traderId = (await seedTrader(db, { userId })).id;
    const { token } = await seedApiKey(db, { userId });

    const replayed = {
      event_id: randomUUID(),
      trader_id: traderId,
      error_type: "runtime",
      error_message: "boom 1",
    };
    const fresh = Array.from({ length: 20 }, (_, index) => ({
      ...replayed,
      event_id: randomUUID(),
      error_message: `boom ${index}`,
    }));
    const bodies = [...fresh, replayed, replayed, replayed];
    const responses = await Promise.all(
      bodies.map((body) => POST(jsonRequest("/api/errors", { token, body }), noParams)),
    );
    expect(responses.map((response) => response.status).filter((status) => status >= 300)).toEqual(
      [],
    );
    expect(await db.errorEvent.count({ where: { userId } })).toBe(21);
    const group = await db.errorGroup.findFirstOrThrow({ where: { userId } });
    expect(group.eventCount).toBe(21);
  }, 60_000);
});
