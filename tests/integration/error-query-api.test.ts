import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getGroupEvents } from "@/app/api/errors/[id]/events/route";
import { GET as getErrorGroup, PATCH as patchErrorGroup } from "@/app/api/errors/[id]/route";
import { listErrorGroupsRoute } from "@/app/api/errors/list-error-groups-route";
import { getDb } from "@/lib/db";
import type { ErrorGroupStatus, ExecutionErrorType } from "@/lib/generated/prisma/enums";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";

const db = getDb();
const base = new Date("2026-03-01T12:00:00.000Z");
const minutes = (count: number) => new Date(base.getTime() + count * 60_000);
const statuses: ErrorGroupStatus[] = ["unresolved", "resolved", "ignored", "regressed"];
const errorTypes: ExecutionErrorType[] = ["runtime", "compilation", "timeout", "panic"];

type SeededGroup = Awaited<ReturnType<typeof seedErrorGroup>>;
type GroupJson = { id: string; title: string; status: string; trader_id: string };

function listRequest(token: string, query: string) {
  return listErrorGroupsRoute(jsonRequest(`/api/errors?${query}`, { token }), noParams);
}

async function listBody(token: string, query: string) {
  const response = await listRequest(token, query);
  expect(response.status).toBe(200);
  return (await response.json()) as { data: GroupJson[]; next_cursor: string | null };
}

async function walkAllPages(token: string, query: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const body = await listBody(token, `${query}${suffix}`);
    ids.push(...body.data.map((group) => group.id));
    cursor = body.next_cursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { ids, pages };
}

const sortKey = {
  last_seen: (group: SeededGroup) => group.lastSeenAt.getTime(),
  first_seen: (group: SeededGroup) => group.firstSeenAt.getTime(),
  count: (group: SeededGroup) => group.eventCount,
} as const;

// Postgres orders uuids bytewise, which for lowercase hex is plain string order.
function expectedOrder(groups: SeededGroup[], sort: keyof typeof sortKey, order: "asc" | "desc") {
  const sign = order === "asc" ? 1 : -1;
  return [...groups]
    .sort((a, b) => {
      const byKey = sortKey[sort](a) - sortKey[sort](b);
      if (byKey !== 0) return sign * byKey;
      return sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    })
    .map((group) => group.id);
}

describe("GET /api/errors", () => {
  let token: string;
  let groups: SeededGroup[];
  let traderA: string;
  let traderB: string;
  let otherUsersGroupId: string;

  beforeAll(async () => {
    const user = await seedUser(db);
    traderA = (await seedTrader(db, { userId: user.id })).id;
    traderB = (await seedTrader(db, { userId: user.id })).id;
    token = (await seedApiKey(db, { userId: user.id })).token;
    groups = [];
    for (let index = 0; index < 30; index += 1) {
      groups.push(
        await seedErrorGroup(db, {
          userId: user.id,
          traderId: index % 2 === 0 ? traderA : traderB,
          title: index % 5 === 0 ? `RSI NaN detected #${index}` : `Widget failure #${index}`,
          status: statuses[index % statuses.length],
          errorType: errorTypes[index % errorTypes.length],
          // Ties on every key, so only the id tie-breaker keeps pages apart.
          eventCount: (index % 4) + 1,
          firstSeenAt: minutes(-(index % 6) * 60),
          seenAt: minutes(Math.floor(index / 3)),
        }),
      );
    }
    const other = await seedUser(db);
    const otherTrader = await seedTrader(db, { userId: other.id });
    otherUsersGroupId = (
      await seedErrorGroup(db, {
        userId: other.id,
        traderId: otherTrader.id,
        title: "RSI NaN detected elsewhere",
      })
    ).id;
  });

  it("lists only the caller's groups, last seen first by default", async () => {
    const body = await listBody(token, "limit=200");
    expect(body.data.map((group) => group.id)).toEqual(expectedOrder(groups, "last_seen", "desc"));
    expect(body.data.map((group) => group.id)).not.toContain(otherUsersGroupId);
    expect(body.next_cursor).toBeNull();
    expect(body.data[0]).toMatchObject({
      trader: { id: expect.any(String), name: expect.any(String) },
      event_count: expect.any(Number),
      last_seen_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it.each([
    ["last_seen", "desc"],
    ["last_seen", "asc"],
    ["first_seen", "desc"],
    ["first_seen", "asc"],
    ["count", "desc"],
    ["count", "asc"],
  ] as const)(
    "walks every page sorted by %s %s with no duplicates or gaps",
    async (sort, order) => {
      const { ids, pages } = await walkAllPages(token, `sort=${sort}&order=${order}&limit=7`);
      expect(pages).toBe(5);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expectedOrder(groups, sort, order));
    },
  );

  it("filters by one or more statuses", async () => {
    const single = await listBody(token, "status=resolved&limit=200");
    expect(single.data.length).toBe(groups.filter((g) => g.status === "resolved").length);
    expect(single.data.every((group) => group.status === "resolved")).toBe(true);

    const wanted = new Set(["ignored", "regressed"]);
    const expected = groups.filter((group) => wanted.has(group.status)).length;
    const repeated = await listBody(token, "status=ignored&status=regressed&limit=200");
    const commas = await listBody(token, "status=ignored,regressed&limit=200");
    expect(repeated.data.length).toBe(expected);
    expect(commas.data.map((group) => group.id)).toEqual(repeated.data.map((group) => group.id));
    expect(repeated.data.every((group) => wanted.has(group.status))).toBe(true);
  });

  it("filters by error type and trader", async () => {
    const byType = await listBody(token, "error_type=timeout&limit=200");
    expect(byType.data.map((group) => group.id).sort()).toEqual(
      groups
        .filter((group) => group.errorType === "timeout")
        .map((group) => group.id)
        .sort(),
    );
    const byTrader = await listBody(token, `trader_id=${traderB}&limit=200`);
    expect(byTrader.data.length).toBe(15);
    expect(byTrader.data.every((group) => group.trader_id === traderB)).toBe(true);
  });

  it("searches titles case-insensitively", async () => {
    const body = await listBody(token, "q=rsi%20nan&limit=200");
    expect(body.data.map((group) => group.title).sort()).toEqual(
      groups
        .filter((group) => group.title.startsWith("RSI NaN"))
        .map((group) => group.title)
        .sort(),
    );
    expect(body.data.length).toBe(6);
    // LIKE wildcards in q are literal text, not patterns.
    expect((await listBody(token, "q=%25")).data).toEqual([]);
  });

  it("filters last_seen_at with since (inclusive) and until (exclusive)", async () => {
    const since = minutes(3).toISOString();
    const until = minutes(6).toISOString();
    const body = await listBody(token, `since=${since}&until=${until}&limit=200`);
    const expected = groups.filter(
      (group) => group.lastSeenAt >= minutes(3) && group.lastSeenAt < minutes(6),
    );
    expect(expected.length).toBe(9);
    expect(body.data.map((group) => group.id).sort()).toEqual(
      expected.map((group) => group.id).sort(),
    );
  });

  it("defaults to 50 rows and caps the page size at 200", async () => {
    const user = await seedUser(db);
    const trader = await seedTrader(db, { userId: user.id });
    const bulkToken = (await seedApiKey(db, { userId: user.id })).token;
    await db.errorGroup.createMany({
      data: Array.from({ length: 205 }, (_, index) => ({
        userId: user.id,
        traderId: trader.id,
        fingerprint: `bulk-${index}`,
        errorType: "runtime" as const,
        title: `Bulk ${index}`,
        errorHash: `bulk${index}`,
        eventCount: 1,
        firstSeenAt: minutes(index),
        lastSeenAt: minutes(index),
      })),
    });
    const defaults = await listBody(bulkToken, "");
    expect(defaults.data).toHaveLength(50);
    expect(defaults.next_cursor).not.toBeNull();
    const capped = await listBody(bulkToken, "limit=1000");
    expect(capped.data).toHaveLength(200);
    const rest = await listBody(bulkToken, `limit=1000&cursor=${capped.next_cursor}`);
    expect(rest.data).toHaveLength(5);
    expect(rest.next_cursor).toBeNull();
  });

  it.each([
    ["limit=abc", "limit"],
    ["limit=0", "limit"],
    ["status=bogus", "status.0"],
    ["error_type=meltdown", "error_type"],
    ["trader_id=not-a-uuid", "trader_id"],
    ["sort=random", "sort"],
    ["order=sideways", "order"],
    ["since=yesterday", "since"],
    ["cursor=garbage", "cursor"],
  ])("answers %s with 422 naming the field", async (query, field) => {
    const response = await listRequest(token, query);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors.map((error: { path: string }) => error.path)).toContain(field);
  });

  it("refuses a cursor issued for another ordering", async () => {
    const first = await listBody(token, "sort=count&limit=5");
    expect(first.next_cursor).not.toBeNull();
    const response = await listRequest(token, `sort=first_seen&cursor=${first.next_cursor}`);
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0].path).toBe("cursor");
  });

  it("rejects an unknown API key with 401", async () => {
    const response = await listRequest(`fl_${"A".repeat(12)}_${"b".repeat(43)}`, "");
    expect(response.status).toBe(401);
  });
});

describe("GET /api/errors/:id and /api/errors/:id/events", () => {
  let token: string;
  let userId: string;
  let traderId: string;
  let groupId: string;
  let eventIds: string[];
  let otherGroupId: string;
  let otherToken: string;
  const now = Date.now();
  const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();

  beforeAll(async () => {
    const user = await seedUser(db);
    userId = user.id;
    traderId = (await seedTrader(db, { userId })).id;
    token = (await seedApiKey(db, { userId })).token;
    const symbols = ["BTCUSDT", "ETHUSDT", "BTCUSDT", undefined, "SOLUSDT"];
    // Two of five events are older than a day; the SOLUSDT one (1h ago) is the newest.
    const occurredAt = symbols.map((_, index) => hoursAgo(index < 2 ? 30 + index : 5 - index));
    const group = await seedErrorGroup(db, {
      userId,
      traderId,
      eventCount: symbols.length,
      firstSeenAt: new Date(hoursAgo(31)),
      seenAt: new Date(hoursAgo(1)),
    });
    groupId = group.id;
    eventIds = [];
    for (const [index, symbol] of symbols.entries()) {
      const event = await db.errorEvent.create({
        data: {
          userId,
          traderId,
          groupId,
          idempotencyKey: randomUUID(),
          payloadHash: "test",
          errorType: "runtime",
          errorMessage: "ReferenceError: rsi is not defined",
          errorHash: "detailtest",
          context: symbol ? { symbol } : { note: "no symbol" },
          occurredAt: occurredAt[index] ?? hoursAgo(0),
        },
        select: { id: true },
      });
      eventIds.push(event.id);
    }

    const other = await seedUser(db);
    otherToken = (await seedApiKey(db, { userId: other.id })).token;
    const otherTrader = await seedTrader(db, { userId: other.id });
    otherGroupId = (await seedErrorGroup(db, { userId: other.id, traderId: otherTrader.id })).id;
  });

  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("returns the group, its latest event and stats", async () => {
    const response = await getErrorGroup(
      jsonRequest(`/api/errors/${groupId}`, { token }),
      params(groupId),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.group).toMatchObject({ id: groupId, trader_id: traderId, event_count: 5 });
    // The newest event is the SOLUSDT one (occurred 1h ago).
    expect(body.latest_event).toMatchObject({ id: eventIds[4], context: { symbol: "SOLUSDT" } });
    expect(body.latest_event).not.toHaveProperty("payload_hash");
    expect(body.stats).toMatchObject({
      event_count: 5,
      events_last_24h: 3,
      first_seen_at: hoursAgo(31),
      last_seen_at: hoursAgo(1),
    });
    expect(body.stats.affected_symbols).toEqual(["SOLUSDT", "BTCUSDT", "ETHUSDT"]);
  });

  it("pages through events newest first", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const response = await getGroupEvents(
        jsonRequest(`/api/errors/${groupId}/events${query}`, { token }),
        params(groupId),
      );
      expect(response.status).toBe(200);
      const body = await response.json();
      seen.push(...body.data.map((event: { id: string }) => event.id));
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 0, 1].map((index) => eventIds[index]));
  });

  it("answers another user's group with 404 on detail, events and patch", async () => {
    const url = `/api/errors/${otherGroupId}`;
    const detail = await getErrorGroup(jsonRequest(url, { token }), params(otherGroupId));
    const events = await getGroupEvents(
      jsonRequest(`${url}/events`, { token }),
      params(otherGroupId),
    );
    const patch = await patchErrorGroup(
      jsonRequest(url, { token, method: "PATCH", body: { status: "resolved" } }),
      params(otherGroupId),
    );
    expect([detail.status, events.status, patch.status]).toEqual([404, 404, 404]);
    expect(await detail.json()).toMatchObject({ code: "not_found" });
    const untouched = await db.errorGroup.findUniqueOrThrow({ where: { id: otherGroupId } });
    expect(untouched.status).toBe("unresolved");
    expect(await db.groupActivity.count({ where: { groupId: otherGroupId } })).toBe(0);

    // And the owner, with their own key, does see it.
    const own = await getErrorGroup(jsonRequest(url, { token: otherToken }), params(otherGroupId));
    expect(own.status).toBe(200);
  });

  it("answers malformed and unknown ids with 404", async () => {
    for (const id of ["not-a-uuid", randomUUID()]) {
      const response = await getErrorGroup(jsonRequest(`/api/errors/${id}`, { token }), params(id));
      expect(response.status).toBe(404);
    }
  });

  it("validates the events query", async () => {
    const response = await getGroupEvents(
      jsonRequest(`/api/errors/${groupId}/events?limit=abc`, { token }),
      params(groupId),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0].path).toBe("limit");
  });
});
