import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";
import { ingestErrorEvents } from "@/lib/ingest/ingest-error-events";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();

// Rows written by one statement in autocommit share a transaction id (xmin).
async function countTransactions(eventIds: string[]): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(DISTINCT xmin::text) AS count FROM trader_execution_errors
    WHERE id = ANY(${eventIds}::uuid[])`;
  return Number(row?.count ?? 0);
}

describe("single events coalesced into shared statements", () => {
  let pool: Pool;
  let userId: string;
  let traderId: string;
  let foreignTraderId: string;

  beforeAll(async () => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    userId = (await seedUser(db)).id;
    traderId = (await seedTrader(db, { userId })).id;
    foreignTraderId = (await seedTrader(db, { userId: (await seedUser(db)).id })).id;
  });

  afterAll(() => pool.end());

  const principal = () => ({ userId, traderId: null, keyId: null });
  const event = (message: string, overrides: Partial<ErrorEventInput> = {}): ErrorEventInput => ({
    event_id: randomUUID(),
    trader_id: traderId,
    error_type: "runtime",
    error_message: message,
    ...overrides,
  });
  const ingestOne = (input: ErrorEventInput) =>
    ingestErrorEvents({ principal: principal(), events: [input], pool });

  it("answers each request on its own while sharing statements under concurrency", async () => {
    const hot = `hot ${randomUUID()}`;
    const inputs = Array.from({ length: 60 }, (_, index) =>
      event(index % 3 === 0 ? `spread ${randomUUID()}` : hot),
    );
    const results = (await Promise.all(inputs.map(ingestOne))).flat();

    expect(await countTransactions(results.map((result) => result.id))).toBeLessThan(
      inputs.length / 2,
    );
    expect(results.map((result) => result.eventId)).toEqual(inputs.map((input) => input.event_id));
    const hotResults = results.filter((_, index) => index % 3 !== 0);
    expect(new Set(hotResults.map((result) => result.groupId)).size).toBe(1);
    expect(hotResults.filter((result) => result.isNewGroup)).toHaveLength(1);

    const hotGroupId = hotResults[0]?.groupId ?? "";
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: hotGroupId } });
    expect(group.eventCount).toBe(hotResults.length);
    expect(await db.errorEvent.count({ where: { groupId: hotGroupId } })).toBe(hotResults.length);
    const notifications = await db.notification.findMany({ where: { groupId: hotGroupId } });
    expect(notifications).toHaveLength(1);
    expect(
      await db.job.count({ where: { dedupeKey: `notification.deliver:${notifications[0]?.id}` } }),
    ).toBe(1);
  });

  it("fails only the request whose trader is not the user's", async () => {
    const foreign = event(`foreign ${randomUUID()}`, { trader_id: foreignTraderId });
    const neighbours = Array.from({ length: 10 }, () => event(`neighbour ${randomUUID()}`));
    const outcomes = await Promise.allSettled([...neighbours, foreign].map(ingestOne));

    expect(outcomes.slice(0, 10).every((outcome) => outcome.status === "fulfilled")).toBe(true);
    const rejected = outcomes[10];
    expect(rejected?.status).toBe("rejected");
    if (rejected?.status === "rejected") {
      expect(rejected.reason).toBeInstanceOf(AppError);
      expect((rejected.reason as AppError).code).toBe("not_found");
    }
    expect(await db.errorEvent.count({ where: { idempotencyKey: foreign.event_id } })).toBe(0);
  });

  it("stores a key once when it races inside and across statements", async () => {
    const twin = event(`twin ${randomUUID()}`);
    const results = (
      await Promise.all([
        ...Array.from({ length: 5 }, () => ingestOne(event(`other ${randomUUID()}`))),
        ...Array.from({ length: 20 }, () => ingestOne({ ...twin })),
      ])
    ).flat();
    const twins = results.filter((result) => result.eventId === twin.event_id);
    expect(twins.filter((result) => !result.isReplay)).toHaveLength(1);
    expect(new Set(twins.map((result) => result.id)).size).toBe(1);
    expect(await db.errorEvent.count({ where: { userId, idempotencyKey: twin.event_id } })).toBe(1);
  });

  it("rejects a reused key with another payload without failing its neighbours", async () => {
    const original = event(`original ${randomUUID()}`);
    await ingestOne(original);
    const outcomes = await Promise.allSettled([
      ingestOne({ ...original, error_message: "something else" }),
      ingestOne(event(`bystander ${randomUUID()}`)),
    ]);
    expect(outcomes[0]?.status).toBe("rejected");
    if (outcomes[0]?.status === "rejected") {
      expect((outcomes[0].reason as AppError).code).toBe("idempotency_mismatch");
    }
    expect(outcomes[1]?.status).toBe("fulfilled");
  });

  it("commits a batch all-or-nothing when one event names a foreign trader", async () => {
    const good = event(`batch good ${randomUUID()}`);
    const bad = event(`batch bad ${randomUUID()}`, { trader_id: foreignTraderId });
    await expect(
      ingestErrorEvents({ principal: principal(), events: [good, bad], pool }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.errorEvent.count({ where: { idempotencyKey: good.event_id } })).toBe(0);
  });
});
