import { beforeEach, describe, expect, it, vi } from "vitest";

// Next's revalidation needs the incremental cache of a running server; the tests only
// check which pages the action asks to refresh.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { revalidatePath } from "next/cache";
import { loadVersionCodeAction, rollbackTraderAction } from "@/app/(app)/traders/actions";
import { getDb } from "@/lib/db";
import { deployCode } from "@/lib/deploy/deploy-code-version";
import { SIMPLE_FILTER_CODE, seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest } from "@/tests/support/api-request";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();

const V2_CODE = `export default function filter({ candles }) {
  if (candles.length === 0) return false;
  const last = candles[candles.length - 1];
  return last.close > last.open;
}
`;

type Owner = {
  userId: string;
  email: string;
  name: string | null;
  traderId: string;
  v1Id: string;
  v2Id: string;
};

// A trader whose v2 (a user edit) replaced v1: v2 is active.
async function seedOwner(): Promise<Owner> {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  const deployed = await deployCode({
    userId: user.id,
    traderId: trader.id,
    code: V2_CODE,
    source: "user",
  });
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    traderId: trader.id,
    v1Id: trader.activeVersionId ?? "",
    v2Id: deployed.version.id,
  };
}

async function signIn(owner: { userId: string; email: string; name: string | null }) {
  const cookie = await createSessionCookie({ id: owner.userId, ...owner });
  return <T>(run: () => Promise<T>) =>
    runInRequestScope(jsonRequest("/traders", { headers: { cookie } }), run);
}

async function readTrader(traderId: string) {
  return db.trader.findUniqueOrThrow({
    where: { id: traderId },
    select: { activeVersionId: true, state: true },
  });
}

beforeEach(() => {
  vi.mocked(revalidatePath).mockClear();
});

describe("rollbackTraderAction", () => {
  it("re-activates the older version with an audited rollback deployment", async () => {
    const owner = await seedOwner();
    const asOwner = await signIn(owner);

    const result = await asOwner(() =>
      rollbackTraderAction({
        traderId: owner.traderId,
        versionId: owner.v1Id,
        reason: "  Trades stopped matching  ",
      }),
    );

    expect(result).toEqual({
      ok: true,
      data: {
        deploymentId: expect.any(String),
        version: { id: owner.v1Id, version: 1 },
        traderState: "running",
        isKeptPaused: false,
        reason: "Trades stopped matching",
      },
    });
    expect(await readTrader(owner.traderId)).toEqual({
      activeVersionId: owner.v1Id,
      state: "running",
    });
    const deployments = await db.deployment.findMany({
      where: { traderId: owner.traderId, kind: "rollback" },
    });
    expect(deployments).toEqual([
      expect.objectContaining({
        id: result.ok ? result.data.deploymentId : "",
        actorUserId: owner.userId,
        fromVersionId: owner.v2Id,
        toVersionId: owner.v1Id,
        reason: "Trades stopped matching",
      }),
    ]);
    // No new version row: v1's id still names exactly this code.
    expect(await db.traderCodeVersion.count({ where: { traderId: owner.traderId } })).toBe(2);
    const refreshed = vi.mocked(revalidatePath).mock.calls.map(([path]) => path);
    expect(refreshed).toEqual(
      expect.arrayContaining(["/traders", `/traders/${owner.traderId}`, "/errors"]),
    );
  });

  it("records a default reason naming the version when none is given", async () => {
    const owner = await seedOwner();
    const asOwner = await signIn(owner);

    const blank = await asOwner(() =>
      rollbackTraderAction({ traderId: owner.traderId, versionId: owner.v1Id, reason: "   " }),
    );
    expect(blank).toMatchObject({ ok: true, data: { reason: "Manual rollback to v1" } });
    // And forward again, without a reason at all.
    const forward = await asOwner(() =>
      rollbackTraderAction({ traderId: owner.traderId, versionId: owner.v2Id }),
    );
    expect(forward).toMatchObject({ ok: true, data: { version: { version: 2 } } });

    const reasons = await db.deployment.findMany({
      where: { traderId: owner.traderId, kind: "rollback" },
      orderBy: { createdAt: "asc" },
      select: { reason: true, toVersionId: true },
    });
    expect(reasons).toEqual([
      { reason: "Manual rollback to v1", toVersionId: owner.v1Id },
      { reason: "Manual rollback to v2", toVersionId: owner.v2Id },
    ]);
  });

  it("answers conflict for the version that is already active, changing nothing", async () => {
    const owner = await seedOwner();
    const asOwner = await signIn(owner);

    const result = await asOwner(() =>
      rollbackTraderAction({ traderId: owner.traderId, versionId: owner.v2Id, reason: "again" }),
    );

    expect(result).toEqual({
      ok: false,
      code: "conflict",
      message: "Version 2 is already active.",
    });
    expect(await readTrader(owner.traderId)).toMatchObject({ activeVersionId: owner.v2Id });
    expect(
      await db.deployment.count({ where: { traderId: owner.traderId, kind: "rollback" } }),
    ).toBe(0);
    expect(vi.mocked(revalidatePath)).not.toHaveBeenCalled();
  });

  it("answers not_found for another user's trader or version, with or without a reason", async () => {
    const owner = await seedOwner();
    const stranger = await seedOwner();
    const asStranger = await signIn(stranger);

    const results = await asStranger(() =>
      Promise.all([
        // The owner's trader and version.
        rollbackTraderAction({ traderId: owner.traderId, versionId: owner.v1Id, reason: "x" }),
        rollbackTraderAction({ traderId: owner.traderId, versionId: owner.v1Id }),
        // The stranger's own trader with the owner's version.
        rollbackTraderAction({ traderId: stranger.traderId, versionId: owner.v1Id, reason: "x" }),
      ]),
    );

    for (const result of results) {
      expect(result).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await readTrader(owner.traderId)).toMatchObject({ activeVersionId: owner.v2Id });
    expect(await readTrader(stranger.traderId)).toMatchObject({ activeVersionId: stranger.v2Id });
    expect(
      await db.deployment.count({
        where: { traderId: { in: [owner.traderId, stranger.traderId] }, kind: "rollback" },
      }),
    ).toBe(0);
  });

  it("refuses a signed-out caller and malformed ids", async () => {
    const owner = await seedOwner();
    const signedOut = await runInRequestScope(jsonRequest("/traders"), () =>
      rollbackTraderAction({ traderId: owner.traderId, versionId: owner.v1Id }),
    );
    expect(signedOut).toMatchObject({ ok: false, code: "unauthorized" });

    const asOwner = await signIn(owner);
    const malformed = await asOwner(() =>
      rollbackTraderAction({ traderId: owner.traderId, versionId: "v1" }),
    );
    expect(malformed).toMatchObject({
      ok: false,
      code: "validation_failed",
      fields: [expect.objectContaining({ path: "versionId" })],
    });
    expect(await readTrader(owner.traderId)).toMatchObject({ activeVersionId: owner.v2Id });
  });
});

describe("loadVersionCodeAction", () => {
  it("returns one of the caller's versions with its code, and not_found for anyone else", async () => {
    const owner = await seedOwner();
    const stranger = await seedOwner();
    const input = { traderId: owner.traderId, versionId: owner.v1Id };

    const own = await (await signIn(owner))(() => loadVersionCodeAction(input));
    expect(own).toEqual({
      ok: true,
      data: { id: owner.v1Id, version: 1, code: SIMPLE_FILTER_CODE },
    });

    const foreign = await (await signIn(stranger))(() => loadVersionCodeAction(input));
    expect(foreign).toMatchObject({ ok: false, code: "not_found" });
  });
});
