import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  defaultInboxParams,
  type InboxParams,
  parseInboxSearchParams,
} from "@/lib/errors/inbox/inbox-search-params";
import { listHourlyEventCounts } from "@/lib/errors/inbox/list-hourly-event-counts";
import { listRecentSymbols } from "@/lib/errors/inbox/list-recent-symbols";
import { type ErrorInbox, loadErrorInbox } from "@/lib/errors/inbox/load-error-inbox";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErrorGroupStatus, ExecutionErrorType } from "@/lib/generated/prisma/enums";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();
const now = new Date("2026-03-10T12:30:00.000Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

type SeededGroup = Awaited<ReturnType<typeof seedErrorGroup>>;

async function seedEvent(
  group: { id: string; traderId: string },
  userId: string,
  occurredAt: Date,
  context: Prisma.InputJsonValue | undefined = undefined,
) {
  await db.errorEvent.create({
    data: {
      userId,
      traderId: group.traderId,
      groupId: group.id,
      idempotencyKey: randomUUID(),
      payloadHash: randomUUID(),
      errorType: "runtime",
      errorMessage: "boom",
      errorHash: "abcdefabcdef",
      occurredAt,
      context,
    },
  });
}

function expectOk(inbox: ErrorInbox) {
  if (inbox.status !== "ok") throw new Error(`expected rows, got ${inbox.status}`);
  return inbox;
}

async function load(userId: string, params: Partial<InboxParams> = {}) {
  return expectOk(
    await loadErrorInbox({ userId, params: { ...defaultInboxParams, ...params }, now }),
  );
}

const ids = (inbox: { rows: { id: string }[] }) => inbox.rows.map((row) => row.id);

// Postgres orders uuids bytewise, which for lowercase hex is plain string order.
function sortedIds(
  groups: SeededGroup[],
  key: (group: SeededGroup) => number,
  order: "asc" | "desc",
): string[] {
  const sign = order === "asc" ? 1 : -1;
  return [...groups]
    .sort((a, b) => sign * (key(a) - key(b)) || sign * (a.id < b.id ? -1 : 1))
    .map((group) => group.id);
}

describe("the errors inbox query", () => {
  let userId: string;
  let otherUserId: string;
  let traderA: { id: string };
  let traderB: { id: string };
  let groups: SeededGroup[];
  let otherUsersGroup: SeededGroup;

  beforeAll(async () => {
    userId = (await seedUser(db)).id;
    traderA = await seedTrader(db, { userId });
    traderB = await seedTrader(db, { userId });
    const statuses: ErrorGroupStatus[] = ["unresolved", "resolved", "ignored", "regressed"];
    const types: ExecutionErrorType[] = ["runtime", "compilation", "timeout", "panic"];
    groups = [];
    for (let index = 0; index < 13; index += 1) {
      groups.push(
        await seedErrorGroup(db, {
          userId,
          traderId: index % 2 === 0 ? traderA.id : traderB.id,
          title:
            index % 4 === 0 ? `RSI is NaN for SYM${index}` : `TypeError #${index}: 100% bad_value`,
          status: statuses[index % statuses.length],
          errorType: types[index % types.length],
          // Ties on every key, so only the id tie-breaker keeps pages apart.
          eventCount: (index % 3) + 1,
          firstSeenAt: hoursAgo(100 + (index % 5)),
          // Groups 0–2 last seen within the hour, the rest spread over days.
          seenAt: index < 3 ? new Date(now.getTime() - 60_000 * (index + 1)) : hoursAgo(index * 10),
        }),
      );
    }
    otherUserId = (await seedUser(db)).id;
    const otherTrader = await seedTrader(db, { userId: otherUserId });
    otherUsersGroup = await seedErrorGroup(db, {
      userId: otherUserId,
      traderId: otherTrader.id,
      title: "RSI is NaN for someone else",
      seenAt: hoursAgo(0.1),
    });
  });

  it("lists only the owner's groups, last seen first", async () => {
    const inbox = await load(userId, { limit: 100 });
    expect(ids(inbox)).toEqual(sortedIds(groups, (group) => group.lastSeenAt.getTime(), "desc"));
    expect(ids(inbox)).not.toContain(otherUsersGroup.id);
    expect(inbox.prevCursor).toBeNull();
    expect(inbox.nextCursor).toBeNull();
    expect(inbox.rows[0]).toMatchObject({
      trader: { id: expect.any(String), name: expect.any(String) },
      hourlyCounts: expect.any(Array),
      symbols: [],
    });
    const other = await load(otherUserId, { limit: 100 });
    expect(ids(other)).toEqual([otherUsersGroup.id]);
  });

  it("filters by status, type, trader, text and time, alone and together", async () => {
    const expectMatch = async (
      params: Partial<InboxParams>,
      keep: (group: SeededGroup) => boolean,
    ) => {
      const inbox = await load(userId, { limit: 100, ...params });
      const expected = groups.filter(keep).map((group) => group.id);
      expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
      expect(new Set(ids(inbox))).toEqual(new Set(expected));
    };
    await expectMatch({ status: ["unresolved", "regressed"] }, (group) =>
      ["unresolved", "regressed"].includes(group.status),
    );
    await expectMatch({ type: "timeout" }, (group) => group.errorType === "timeout");
    await expectMatch({ trader: traderB.id }, (group) => group.traderId === traderB.id);
    await expectMatch({ q: "rsi IS nan" }, (group) => group.title.startsWith("RSI is NaN"));
    // % and _ are literal characters, not LIKE wildcards.
    await expectMatch({ q: "100% bad_value" }, (group) => group.title.includes("100% bad_value"));
    await expectMatch({ range: "1h" }, (group) => group.lastSeenAt >= hoursAgo(1));
    await expectMatch({ range: "24h" }, (group) => group.lastSeenAt >= hoursAgo(24));
    await expectMatch(
      { since: hoursAgo(45).toISOString() },
      (group) => group.lastSeenAt >= hoursAgo(45),
    );
    await expectMatch(
      { trader: traderA.id, q: "typeerror", range: "7d" },
      (group) =>
        group.traderId === traderA.id &&
        group.title.startsWith("TypeError") &&
        group.lastSeenAt >= hoursAgo(24 * 7),
    );
  });

  it("answers an empty page when nothing matches, without failing", async () => {
    const inbox = await load(userId, { q: "no group has this title" });
    expect(inbox.rows).toEqual([]);
    expect(inbox.nextCursor).toBeNull();
  });

  it.each([
    ["count", "asc", (group: SeededGroup) => group.eventCount],
    ["count", "desc", (group: SeededGroup) => group.eventCount],
    ["first_seen", "desc", (group: SeededGroup) => group.firstSeenAt.getTime()],
    ["last_seen", "asc", (group: SeededGroup) => group.lastSeenAt.getTime()],
  ] as const)("sorts by %s %s on the server", async (sort, order, key) => {
    const inbox = await load(userId, { sort, order, limit: 100 });
    expect(ids(inbox)).toEqual(sortedIds(groups, key, order));
  });

  it("pages forward with Older and back with Newer through the same rows", async () => {
    const params: Partial<InboxParams> = { sort: "count", order: "desc", limit: 4 };
    const forward: string[][] = [];
    let page = await load(userId, params);
    expect(page.prevCursor).toBeNull();
    forward.push(ids(page));
    while (page.nextCursor) {
      page = await load(userId, { ...params, after: page.nextCursor });
      expect(page.prevCursor).not.toBeNull();
      forward.push(ids(page));
    }
    expect(forward.flat()).toEqual(sortedIds(groups, (group) => group.eventCount, "desc"));
    expect(forward.map((rows) => rows.length)).toEqual([4, 4, 4, 1]);

    const backward: string[][] = [ids(page)];
    while (page.prevCursor) {
      page = await load(userId, { ...params, before: page.prevCursor });
      expect(page.nextCursor).not.toBeNull();
      backward.unshift(ids(page));
    }
    expect(backward).toEqual(forward);
  });

  it("treats a cursor from another order, or a forged one, as a stale link", async () => {
    const byCount = await load(userId, { sort: "count", limit: 2 });
    expect(byCount.nextCursor).not.toBeNull();
    for (const params of [
      { after: byCount.nextCursor ?? "" },
      { before: byCount.nextCursor ?? "" },
      { after: "not-a-cursor" },
    ]) {
      const inbox = await loadErrorInbox({
        userId,
        params: { ...defaultInboxParams, ...params },
        now,
      });
      expect(inbox.status).toBe("stale_cursor");
    }
  });

  it("reads the whole view from URL search params", async () => {
    const params = parseInboxSearchParams({ type: "panic", sort: "count", order: "asc" });
    const inbox = expectOk(await loadErrorInbox({ userId, params, now }));
    expect(ids(inbox)).toEqual(
      sortedIds(
        groups.filter((group) => group.errorType === "panic"),
        (group) => group.eventCount,
        "asc",
      ),
    );
  });
});

describe("the inbox's sparkline and symbols", () => {
  let userId: string;
  let trader: { id: string };

  beforeAll(async () => {
    userId = (await seedUser(db)).id;
    trader = await seedTrader(db, { userId });
  });

  it("counts events per clock hour over the last 24 hours, in one row per group", async () => {
    const busy = await seedErrorGroup(db, {
      userId,
      traderId: trader.id,
      title: "busy",
      seenAt: hoursAgo(0.3),
    });
    const quiet = await seedErrorGroup(db, {
      userId,
      traderId: trader.id,
      title: "quiet",
      seenAt: hoursAgo(30),
    });
    const group = { id: busy.id, traderId: trader.id };
    // now is 12:30, so the window is 2026-03-09 13:00 up to the current hour (12:00–13:00).
    await seedEvent(group, userId, new Date("2026-03-10T12:10:00.000Z"));
    await seedEvent(group, userId, new Date("2026-03-10T12:29:59.000Z"));
    await seedEvent(group, userId, new Date("2026-03-10T00:30:00.000Z"));
    await seedEvent(group, userId, new Date("2026-03-09T13:00:00.000Z"));
    // Just outside the window on either side.
    await seedEvent(group, userId, new Date("2026-03-09T12:59:59.999Z"));
    await seedEvent(group, userId, new Date("2026-03-10T13:00:00.000Z"));
    await seedEvent({ id: quiet.id, traderId: trader.id }, userId, hoursAgo(30));

    const inbox = await load(userId, { limit: 100 });
    const busyRow = inbox.rows.find((row) => row.id === busy.id);
    const expected = Array(24).fill(0);
    expected[0] = 1;
    expected[11] = 1;
    expected[23] = 2;
    expect(busyRow?.hourlyCounts).toEqual(expected);
    expect(inbox.rows.find((row) => row.id === quiet.id)?.hourlyCounts).toEqual(Array(24).fill(0));
  });

  it("lists distinct symbols of the latest events, most recent first", async () => {
    const noisy = await seedErrorGroup(db, { userId, traderId: trader.id, title: "noisy" });
    const group = { id: noisy.id, traderId: trader.id };
    // Older than the latest 50 events: never read.
    await seedEvent(group, userId, hoursAgo(200), { symbol: "OLDUSDT" });
    for (let index = 0; index < 50; index += 1) {
      const symbol = ["BTCUSDT", "ETHUSDT", "SOLUSDT"][index % 3];
      await seedEvent(group, userId, hoursAgo(100 - index), { symbol, interval: "5m" });
    }
    // Not symbols: a number, a missing key and no context at all.
    await seedEvent(group, userId, hoursAgo(10), { symbol: 42 });
    await seedEvent(group, userId, hoursAgo(9), { interval: "1h" });
    await seedEvent(group, userId, hoursAgo(8));
    await seedEvent(group, userId, hoursAgo(2), { symbol: "DOGEUSDT" });

    const symbols = await listRecentSymbols({ userId, groupIds: [noisy.id] });
    // Ordered by each symbol's latest event; OLDUSDT is only in an event past the latest 50.
    const expected = ["DOGEUSDT", "ETHUSDT", "BTCUSDT", "SOLUSDT"];
    expect(symbols.get(noisy.id)).toEqual(expected);
    const inbox = await load(userId, { q: "noisy" });
    expect(inbox.rows[0]?.symbols).toEqual(expected);
  });

  it("caps the symbols per group", async () => {
    const wide = await seedErrorGroup(db, { userId, traderId: trader.id, title: "wide" });
    for (let index = 0; index < 14; index += 1) {
      await seedEvent({ id: wide.id, traderId: trader.id }, userId, hoursAgo(index), {
        symbol: `S${index}USDT`,
      });
    }
    const symbols = await listRecentSymbols({ userId, groupIds: [wide.id] });
    expect(symbols.get(wide.id)).toEqual(Array.from({ length: 10 }, (_, index) => `S${index}USDT`));
  });

  it("reads nothing of another user's groups, even by id", async () => {
    const otherUserId = (await seedUser(db)).id;
    const otherTrader = await seedTrader(db, { userId: otherUserId });
    const foreign = await seedErrorGroup(db, { userId: otherUserId, traderId: otherTrader.id });
    await seedEvent({ id: foreign.id, traderId: otherTrader.id }, otherUserId, hoursAgo(1), {
      symbol: "SECRETUSDT",
    });
    const counts = await listHourlyEventCounts({ userId, groupIds: [foreign.id], now });
    expect(counts.get(foreign.id)).toEqual(Array(24).fill(0));
    const symbols = await listRecentSymbols({ userId, groupIds: [foreign.id] });
    expect(symbols.get(foreign.id)).toEqual([]);
    // The owner does see them, so the empty answers above are the tenant filter at work.
    expect(
      (await listRecentSymbols({ userId: otherUserId, groupIds: [foreign.id] })).get(foreign.id),
    ).toEqual(["SECRETUSDT"]);
    expect(
      (await listHourlyEventCounts({ userId: otherUserId, groupIds: [foreign.id], now })).get(
        foreign.id,
      )?.[22],
    ).toBe(1);
  });
});
