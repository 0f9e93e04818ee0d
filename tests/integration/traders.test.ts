import { beforeEach, describe, expect, it, vi } from "vitest";

// Next's revalidation needs the incremental cache of a running server; the test only
// checks which pages an action asks to refresh.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { revalidatePath } from "next/cache";
import { pauseTraderAction, resumeTraderAction } from "@/app/(app)/traders/actions";
import { getDb } from "@/lib/db";
import type { TraderState } from "@/lib/generated/prisma/enums";
import { getTraderDetail } from "@/lib/traders/get-trader-detail";
import { listTraders } from "@/lib/traders/list-traders";
import { setTraderPaused } from "@/lib/traders/set-trader-paused";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest } from "@/tests/support/api-request";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();

async function seedTraderIn(state: TraderState) {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  await db.trader.update({ where: { id: trader.id }, data: { state } });
  return { user, traderId: trader.id };
}

const readState = async (traderId: string) =>
  (await db.trader.findUniqueOrThrow({ where: { id: traderId } })).state;

describe("setTraderPaused", () => {
  it.each(["running", "error"] as const)("pauses a %s trader", async (state) => {
    const { user, traderId } = await seedTraderIn(state);
    const paused = await setTraderPaused({ userId: user.id, traderId, paused: true });
    expect(paused).toMatchObject({ id: traderId, state: "paused" });
    expect(await readState(traderId)).toBe("paused");
  });

  it.each(["paused", "disabled"] as const)("resumes a %s trader to running", async (state) => {
    const { user, traderId } = await seedTraderIn(state);
    const resumed = await setTraderPaused({ userId: user.id, traderId, paused: false });
    expect(resumed).toMatchObject({ id: traderId, state: "running" });
    expect(await readState(traderId)).toBe("running");
  });

  it.each([
    ["disabled", true, "A disabled trader cannot be paused: resume it first."],
    ["paused", true, "This trader is already paused."],
    ["running", false, "This trader is already running."],
    ["error", false, "This trader is not paused: it is running and its last run failed."],
  ] as const)("refuses to %s → paused=%s with a clear conflict", async (state, paused, message) => {
    const { user, traderId } = await seedTraderIn(state);
    await expect(setTraderPaused({ userId: user.id, traderId, paused })).rejects.toMatchObject({
      code: "conflict",
      message,
    });
    expect(await readState(traderId)).toBe(state);
  });

  it("answers not_found for another user's trader and leaves it alone", async () => {
    const { traderId } = await seedTraderIn("running");
    const stranger = await seedUser(db);
    await expect(
      setTraderPaused({ userId: stranger.id, traderId, paused: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setTraderPaused({ userId: stranger.id, traderId: "not-a-uuid", paused: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await readState(traderId)).toBe("running");
  });
});

describe("pause and resume actions", () => {
  beforeEach(() => {
    vi.mocked(revalidatePath).mockClear();
  });

  async function asUser<T>(
    user: { id: string; email: string; name: string | null },
    run: () => Promise<T>,
  ) {
    const cookie = await createSessionCookie(user);
    return runInRequestScope(jsonRequest("/traders", { headers: { cookie } }), run);
  }

  it("pauses then resumes the signed-in user's trader", async () => {
    const { user, traderId } = await seedTraderIn("error");
    const paused = await asUser(user, () => pauseTraderAction({ traderId }));
    expect(paused).toMatchObject({ ok: true, data: { id: traderId, state: "paused" } });
    expect(vi.mocked(revalidatePath).mock.calls.map(([path]) => path)).toEqual([
      "/traders",
      `/traders/${traderId}`,
    ]);
    const resumed = await asUser(user, () => resumeTraderAction({ traderId }));
    expect(resumed).toMatchObject({ ok: true, data: { state: "running" } });
    expect(await readState(traderId)).toBe("running");
  });

  it("returns the refusal as a value the page can show", async () => {
    const { user, traderId } = await seedTraderIn("running");
    expect(await asUser(user, () => resumeTraderAction({ traderId }))).toEqual({
      ok: false,
      code: "conflict",
      message: "This trader is already running.",
      fields: undefined,
    });
  });

  it("cannot pause another user's trader", async () => {
    const { traderId } = await seedTraderIn("running");
    const stranger = await seedUser(db);
    expect(await asUser(stranger, () => pauseTraderAction({ traderId }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await readState(traderId)).toBe("running");
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("refuses a signed-out caller", async () => {
    const { traderId } = await seedTraderIn("running");
    const result = await runInRequestScope(jsonRequest("/traders"), () =>
      pauseTraderAction({ traderId }),
    );
    expect(result).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await readState(traderId)).toBe("running");
  });
});

describe("trader reads", () => {
  it("lists open groups (not resolved or ignored), most recent first, only the owner's", async () => {
    const { user, traderId } = await seedTraderIn("error");
    const day = (n: number) => new Date(Date.UTC(2026, 3, n));
    const owner = { userId: user.id, traderId };
    const { id: regressed } = await seedErrorGroup(db, {
      ...owner,
      status: "regressed",
      seenAt: day(5),
    });
    const { id: unresolved } = await seedErrorGroup(db, {
      ...owner,
      status: "unresolved",
      seenAt: day(4),
    });
    const { id: fixProposed } = await seedErrorGroup(db, {
      ...owner,
      status: "fix_proposed",
      seenAt: day(3),
    });
    await seedErrorGroup(db, { ...owner, status: "unresolved", seenAt: day(2) });
    await seedErrorGroup(db, { ...owner, status: "resolved", seenAt: day(6) });
    await seedErrorGroup(db, { ...owner, status: "ignored", seenAt: day(7) });
    await db.trader.update({ where: { id: traderId }, data: { lastErrorAt: day(7) } });

    const [listed, ...others] = await listTraders({ userId: user.id });
    expect(others).toEqual([]);
    expect(listed?._count.errorGroups).toBe(4);
    expect(listed?.errorGroups.map((group) => group.id)).toEqual([
      regressed,
      unresolved,
      fixProposed,
    ]);
    expect(listed).toMatchObject({
      state: "error",
      lastErrorAt: day(7),
      activeVersion: { version: 1, source: "user" },
    });

    const stranger = await seedUser(db);
    expect(await listTraders({ userId: stranger.id })).toEqual([]);
  });

  it("loads one trader with all its groups and its open count", async () => {
    const { user, traderId } = await seedTraderIn("running");
    const owner = { userId: user.id, traderId };
    const { id: newest } = await seedErrorGroup(db, {
      ...owner,
      status: "resolved",
      seenAt: new Date(Date.UTC(2026, 3, 9)),
    });
    const { id: older } = await seedErrorGroup(db, {
      ...owner,
      status: "unresolved",
      seenAt: new Date(Date.UTC(2026, 3, 8)),
    });
    const detail = await getTraderDetail({ id: traderId, userId: user.id });
    expect(detail.errorGroups.map((group) => group.id)).toEqual([newest, older]);
    expect(detail.openGroupCount).toBe(1);
    expect(detail._count.errorGroups).toBe(2);
    expect(detail.activeVersion).toMatchObject({ version: 1 });

    const stranger = await seedUser(db);
    await expect(getTraderDetail({ id: traderId, userId: stranger.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
