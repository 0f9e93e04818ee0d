import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Next's revalidation needs the incremental cache of a running server; the test only
// checks which pages an action asks to refresh.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { revalidatePath } from "next/cache";
import {
  changeErrorGroupStatusAction,
  listGroupEventsAction,
} from "@/app/(app)/errors/[id]/actions";
import { getDb } from "@/lib/db";
import { changeGroupStatus } from "@/lib/errors/change-group-status";
import { countGroupOccurrences } from "@/lib/errors/detail/count-group-occurrences";
import { describeActivityActor, listGroupActivity } from "@/lib/errors/detail/list-group-activity";
import { loadErrorDetail, RECENT_EVENTS_PAGE_SIZE } from "@/lib/errors/detail/load-error-detail";
import { resolveEventCode } from "@/lib/errors/detail/resolve-event-code";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest } from "@/tests/support/api-request";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();

type Owner = { userId: string; traderId: string; versionId: string };

const FILTER_STACK =
  "TypeError: Cannot read properties of undefined (reading 'close')\n" +
  "    at filter (filter.js:3:12)\n" +
  "    at runFilter (executor/run-filter.ts:41:12)";

async function seedOwner(name?: string): Promise<Owner & { email: string; name: string | null }> {
  const user = await seedUser(db, { name });
  const trader = await seedTrader(db, { userId: user.id });
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    traderId: trader.id,
    versionId: trader.activeVersionId ?? "",
  };
}

async function seedEvent(
  owner: Owner,
  groupId: string,
  fields: {
    occurredAt: Date;
    symbol?: string;
    stackTrace?: string;
    codeVersionId?: string | null;
    filterCodeSnapshot?: string;
  },
) {
  const event = await db.errorEvent.create({
    data: {
      userId: owner.userId,
      traderId: owner.traderId,
      groupId,
      idempotencyKey: randomUUID(),
      payloadHash: randomUUID(),
      errorType: "runtime",
      errorMessage: "TypeError: Cannot read properties of undefined (reading 'close')",
      stackTrace: fields.stackTrace ?? FILTER_STACK,
      triggerInterval: "5m",
      symbolsProcessed: 42,
      executionDurationMs: 18,
      codeVersionId: fields.codeVersionId === undefined ? owner.versionId : fields.codeVersionId,
      filterCodeSnapshot: fields.filterCodeSnapshot,
      context: { symbol: fields.symbol ?? "BTCUSDT", params: { lookback: 20 } },
      errorHash: "0123456789ab",
      occurredAt: fields.occurredAt,
    },
    select: { id: true },
  });
  return event.id;
}

const at = (iso: string) => new Date(iso);

describe("error group occurrences", () => {
  let owner: Owner;
  let groupId: string;
  const now = at("2026-04-01T12:30:00.000Z");

  beforeAll(async () => {
    owner = await seedOwner();
    groupId = (await seedErrorGroup(db, owner)).id;
    for (const iso of [
      "2026-04-01T12:05:00.000Z", // the current hour
      "2026-04-01T11:59:59.999Z",
      "2026-04-01T11:00:00.000Z",
      "2026-03-30T13:00:00.000Z", // the first hour of the 48
      "2026-03-30T12:59:59.999Z", // one hour too old for the 48 h chart
      "2026-04-01T13:00:00.000Z", // after now: past the current hour, within the current day
      "2026-03-03T00:00:00.000Z", // the first day of the 30
      "2026-03-02T23:59:59.999Z", // too old for the 30 d chart
    ]) {
      await seedEvent(owner, groupId, { occurredAt: at(iso) });
    }
  });

  it("counts per hour over 48 hours, empty hours included", async () => {
    const buckets = await countGroupOccurrences({
      groupId,
      userId: owner.userId,
      range: "48h",
      now,
    });
    expect(buckets).toHaveLength(48);
    expect(buckets[0]).toEqual({ start: at("2026-03-30T13:00:00.000Z"), count: 1 });
    expect(buckets.at(-1)).toEqual({ start: at("2026-04-01T12:00:00.000Z"), count: 1 });
    expect(buckets.at(-2)).toEqual({ start: at("2026-04-01T11:00:00.000Z"), count: 2 });
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(4);
    const starts = buckets.map((bucket) => bucket.start.getTime());
    expect(new Set(starts.slice(1).map((start, index) => start - (starts[index] ?? 0)))).toEqual(
      new Set([3_600_000]),
    );
  });

  it("counts per UTC day over 30 days", async () => {
    const buckets = await countGroupOccurrences({
      groupId,
      userId: owner.userId,
      range: "30d",
      now,
    });
    expect(buckets).toHaveLength(30);
    expect(buckets[0]).toEqual({ start: at("2026-03-03T00:00:00.000Z"), count: 1 });
    expect(buckets.at(-1)).toEqual({ start: at("2026-04-01T00:00:00.000Z"), count: 4 });
    expect(buckets.at(-3)).toEqual({ start: at("2026-03-30T00:00:00.000Z"), count: 2 });
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(7);
  });

  it("counts nothing for another user", async () => {
    const stranger = await seedOwner();
    const buckets = await countGroupOccurrences({
      groupId,
      userId: stranger.userId,
      range: "48h",
      now,
    });
    expect(buckets.every((bucket) => bucket.count === 0)).toBe(true);
  });
});

describe("error group activity", () => {
  it("lists changes newest first with the actor's name, and 'system' for Faultline", async () => {
    const owner = await seedOwner("Dana Detail");
    const { id: groupId } = await seedErrorGroup(db, owner);
    await db.groupActivity.create({
      data: {
        groupId,
        actorKind: "system",
        kind: "created",
        toStatus: "unresolved",
        createdAt: at("2026-04-01T08:00:00.000Z"),
      },
    });
    await changeGroupStatus({
      userId: owner.userId,
      groupId,
      to: "resolved",
      note: "guarded short histories",
    });

    const activity = await listGroupActivity({ groupId, userId: owner.userId });
    expect(activity.map((entry) => [entry.kind, describeActivityActor(entry)])).toEqual([
      ["status_changed", "Dana Detail"],
      ["created", "system"],
    ]);
    expect(activity[0]).toMatchObject({
      fromStatus: "unresolved",
      toStatus: "resolved",
      note: "guarded short histories",
    });

    const stranger = await seedOwner();
    expect(await listGroupActivity({ groupId, userId: stranger.userId })).toEqual([]);
  });

  it("falls back to the email, then to a placeholder once the user is gone", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, owner);
    const helper = await db.user.create({
      data: { email: `helper-${randomUUID().slice(0, 8)}@example.test` },
      select: { id: true, email: true },
    });
    await db.groupActivity.create({
      data: { groupId, actorKind: "user", actorUserId: helper.id, kind: "comment", note: "hm" },
    });
    const [withEmail] = await listGroupActivity({ groupId, userId: owner.userId });
    expect(withEmail && describeActivityActor(withEmail)).toBe(helper.email);

    await db.user.delete({ where: { id: helper.id } });
    const [orphaned] = await listGroupActivity({ groupId, userId: owner.userId });
    expect(orphaned && describeActivityActor(orphaned)).toBe("A deleted user");
  });
});

describe("resolving the failing code", () => {
  let owner: Owner;

  beforeAll(async () => {
    owner = await seedOwner();
  });

  it("prefers the stored version the event names", async () => {
    const code = await resolveEventCode({
      userId: owner.userId,
      event: {
        traderId: owner.traderId,
        codeVersionId: owner.versionId,
        filterCodeSnapshot: "snapshot",
      },
    });
    expect(code).toMatchObject({ origin: "version", versionId: owner.versionId, version: 1 });
    expect(code?.code).toContain("export default function filter");
  });

  it("uses the snapshot without a version, and nothing without either", async () => {
    const event = { traderId: owner.traderId, codeVersionId: null };
    expect(
      await resolveEventCode({
        userId: owner.userId,
        event: { ...event, filterCodeSnapshot: "return 1;" },
      }),
    ).toEqual({ origin: "snapshot", code: "return 1;" });
    expect(
      await resolveEventCode({
        userId: owner.userId,
        event: { ...event, filterCodeSnapshot: null },
      }),
    ).toBeNull();
  });

  it("never shows another tenant's version", async () => {
    const stranger = await seedOwner();
    const event = { traderId: owner.traderId, codeVersionId: stranger.versionId };
    expect(
      await resolveEventCode({
        userId: owner.userId,
        event: { ...event, filterCodeSnapshot: "mine" },
      }),
    ).toEqual({ origin: "snapshot", code: "mine" });
    // The version's own owner, asking through a trader that isn't the version's.
    expect(
      await resolveEventCode({
        userId: stranger.userId,
        event: { ...event, filterCodeSnapshot: null },
      }),
    ).toBeNull();
  });
});

describe("loadErrorDetail", () => {
  let owner: Owner;
  let groupId: string;
  let newestEventId: string;

  beforeAll(async () => {
    owner = await seedOwner();
    groupId = (await seedErrorGroup(db, owner)).id;
    const symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];
    for (let index = 0; index < RECENT_EVENTS_PAGE_SIZE + 2; index += 1) {
      newestEventId = await seedEvent(owner, groupId, {
        occurredAt: new Date(Date.UTC(2026, 3, 1, 10, index)),
        symbol: symbols[index % symbols.length],
      });
    }
  });

  it("loads the latest event with its parsed stack and its code", async () => {
    const detail = await loadErrorDetail({
      id: groupId,
      userId: owner.userId,
      now: at("2026-04-01T12:30:00.000Z"),
    });
    expect(detail.group.id).toBe(groupId);
    expect(detail.latestEvent).toMatchObject({ id: newestEventId, symbol: "SOLUSDT" });
    expect(detail.latestEvent?.stack?.failingLine).toBe(3);
    expect(detail.latestEvent?.stack?.lines.map((line) => line.kind)).toEqual([
      "message",
      "in-app",
      "runtime",
    ]);
    expect(detail.latestEventCode).toMatchObject({ origin: "version", version: 1 });
    expect(detail.affectedSymbols.sort()).toEqual(["BTCUSDT", "ETHUSDT", "SOLUSDT"]);
    expect(detail.occurrences["48h"].at(-3)?.count).toBe(RECENT_EVENTS_PAGE_SIZE + 2);
    expect(detail.recentEvents.events).toHaveLength(RECENT_EVENTS_PAGE_SIZE);
    expect(detail.recentEvents.events[0]?.id).toBe(newestEventId);
    expect(detail.recentEvents.nextCursor).toEqual(expect.any(String));
  });

  it("answers not_found for another user's group and for a malformed id", async () => {
    const stranger = await seedOwner();
    await expect(loadErrorDetail({ id: groupId, userId: stranger.userId })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(loadErrorDetail({ id: "not-a-uuid", userId: owner.userId })).rejects.toMatchObject(
      { code: "not_found" },
    );
  });
});

describe("error detail actions", () => {
  beforeEach(() => {
    vi.mocked(revalidatePath).mockClear();
  });

  async function signIn(owner: { userId: string; email: string; name: string | null }) {
    const cookie = await createSessionCookie({ id: owner.userId, ...owner });
    return <T>(run: () => Promise<T>) =>
      runInRequestScope(jsonRequest("/errors", { headers: { cookie } }), run);
  }

  it("resolves with a note, then ignores until more events", async () => {
    const owner = await seedOwner();
    // One event so far: ignoring for 5 more reopens at 6.
    const { id: groupId } = await seedErrorGroup(db, { ...owner, eventCount: 1 });
    const asOwner = await signIn(owner);

    const resolved = await asOwner(() =>
      changeErrorGroupStatusAction({ groupId, status: "resolved", note: "  fixed in v2 " }),
    );
    expect(resolved).toEqual({ ok: true, data: { status: "resolved", isChanged: true } });
    expect(vi.mocked(revalidatePath).mock.calls.map(([path]) => path)).toEqual([
      `/errors/${groupId}`,
      "/errors",
    ]);
    const [activity] = await listGroupActivity({ groupId, userId: owner.userId });
    expect(activity).toMatchObject({
      actorUserId: owner.userId,
      fromStatus: "unresolved",
      toStatus: "resolved",
      note: "fixed in v2",
    });

    const ignored = await asOwner(() =>
      changeErrorGroupStatusAction({
        groupId,
        status: "ignored",
        ignore: { kind: "events", count: 5 },
      }),
    );
    expect(ignored.ok).toBe(true);
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "ignored",
      ignoredUntil: null,
      ignoredUntilCount: 6,
    });
  });

  it("ignores for one of the offered durations and refuses any other", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, owner);
    const asOwner = await signIn(owner);
    const before = Date.now();

    const refused = await asOwner(() =>
      changeErrorGroupStatusAction({
        groupId,
        status: "ignored",
        ignore: { kind: "duration", hours: 5 },
      }),
    );
    expect(refused).toMatchObject({ ok: false, code: "validation_failed" });

    const ignored = await asOwner(() =>
      changeErrorGroupStatusAction({
        groupId,
        status: "ignored",
        ignore: { kind: "duration", hours: 24 },
      }),
    );
    expect(ignored.ok).toBe(true);
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } });
    expect(group.ignoredUntil?.getTime()).toBeGreaterThanOrEqual(before + 24 * 3_600_000);
    expect(group.ignoredUntil?.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);
  });

  it("treats the status the group already has as a no-op", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, { ...owner, status: "ignored" });
    const asOwner = await signIn(owner);
    const result = await asOwner(() =>
      changeErrorGroupStatusAction({ groupId, status: "ignored", note: "again" }),
    );
    // Already ignored: a no-op, not a second activity row.
    expect(result).toEqual({ ok: true, data: { status: "ignored", isChanged: false } });
    expect(await listGroupActivity({ groupId, userId: owner.userId })).toEqual([]);
  });

  it("cannot touch or page through another user's group", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, owner);
    await seedEvent(owner, groupId, { occurredAt: at("2026-04-01T10:00:00.000Z") });
    const stranger = await seedOwner();
    const asStranger = await signIn(stranger);

    const change = await asStranger(() =>
      changeErrorGroupStatusAction({ groupId, status: "resolved" }),
    );
    expect(change).toMatchObject({ ok: false, code: "not_found" });
    expect(revalidatePath).not.toHaveBeenCalled();
    expect((await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).status).toBe(
      "unresolved",
    );

    const page = await asStranger(() =>
      listGroupEventsAction({ groupId, cursor: "eyJzb3J0IjoieCJ9" }),
    );
    expect(page).toMatchObject({ ok: false, code: "not_found" });
  });

  it("pages through events with the cursor from the first page", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, owner);
    for (let index = 0; index < RECENT_EVENTS_PAGE_SIZE + 3; index += 1) {
      await seedEvent(owner, groupId, { occurredAt: new Date(Date.UTC(2026, 3, 1, 9, index)) });
    }
    const first = await loadErrorDetail({ id: groupId, userId: owner.userId });
    const asOwner = await signIn(owner);
    const next = await asOwner(() =>
      listGroupEventsAction({ groupId, cursor: first.recentEvents.nextCursor ?? "" }),
    );
    if (!next.ok) throw new Error(next.message);
    expect(next.data.events).toHaveLength(3);
    expect(next.data.nextCursor).toBeNull();
    const ids = [...first.recentEvents.events, ...next.data.events].map((event) => event.id);
    expect(new Set(ids).size).toBe(RECENT_EVENTS_PAGE_SIZE + 3);
    expect(next.data.events[0]?.stack?.failingLine).toBe(3);
  });
});
