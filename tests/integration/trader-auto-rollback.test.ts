import { beforeEach, describe, expect, it, vi } from "vitest";

// Next's revalidation needs the incremental cache of a running server; the tests only
// check which page the action asks to refresh.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { revalidatePath } from "next/cache";
import { setTraderAutoRollbackAction } from "@/app/(app)/traders/[id]/auto-rollback-actions";
import { getDb } from "@/lib/db";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest } from "@/tests/support/api-request";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();

type Owner = { userId: string; email: string; name: string | null; traderId: string };

async function seedOwner(): Promise<Owner> {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  return { userId: user.id, email: user.email, name: user.name, traderId: trader.id };
}

async function signIn(owner: Owner) {
  const cookie = await createSessionCookie({ id: owner.userId, ...owner });
  return <T>(run: () => Promise<T>) =>
    runInRequestScope(jsonRequest(`/traders/${owner.traderId}`, { headers: { cookie } }), run);
}

async function readAutoRollback(traderId: string): Promise<boolean> {
  const trader = await db.trader.findUniqueOrThrow({
    where: { id: traderId },
    select: { autoRollback: true },
  });
  return trader.autoRollback;
}

beforeEach(() => {
  vi.mocked(revalidatePath).mockClear();
});

describe("setTraderAutoRollbackAction", () => {
  it("turns automatic rollback on and off for the owner's trader", async () => {
    const owner = await seedOwner();
    const asOwner = await signIn(owner);
    // Off until the owner opts in.
    expect(await readAutoRollback(owner.traderId)).toBe(false);

    const enabled = await asOwner(() =>
      setTraderAutoRollbackAction({ traderId: owner.traderId, enabled: true }),
    );
    expect(enabled).toEqual({ ok: true, data: { id: owner.traderId, autoRollback: true } });
    expect(await readAutoRollback(owner.traderId)).toBe(true);
    expect(vi.mocked(revalidatePath)).toHaveBeenCalledWith(`/traders/${owner.traderId}`);

    const disabled = await asOwner(() =>
      setTraderAutoRollbackAction({ traderId: owner.traderId, enabled: false }),
    );
    expect(disabled).toEqual({ ok: true, data: { id: owner.traderId, autoRollback: false } });
    expect(await readAutoRollback(owner.traderId)).toBe(false);
  });

  it("answers not_found for another user's trader and leaves it unchanged", async () => {
    const owner = await seedOwner();
    const stranger = await seedOwner();
    const asStranger = await signIn(stranger);

    const result = await asStranger(() =>
      setTraderAutoRollbackAction({ traderId: owner.traderId, enabled: true }),
    );

    expect(result).toEqual({
      ok: false,
      code: "not_found",
      message: "This trader does not exist.",
      fields: undefined,
    });
    expect(await readAutoRollback(owner.traderId)).toBe(false);
    expect(await readAutoRollback(stranger.traderId)).toBe(false);
    expect(vi.mocked(revalidatePath)).not.toHaveBeenCalled();
  });

  it("refuses a signed-out caller and malformed input", async () => {
    const owner = await seedOwner();
    const signedOut = await runInRequestScope(jsonRequest(`/traders/${owner.traderId}`), () =>
      setTraderAutoRollbackAction({ traderId: owner.traderId, enabled: true }),
    );
    expect(signedOut).toMatchObject({ ok: false, code: "unauthorized" });

    const asOwner = await signIn(owner);
    const malformed = await asOwner(() =>
      Promise.all([
        setTraderAutoRollbackAction({ traderId: "not-a-uuid", enabled: true }),
        // A string is not a boolean: "false" must never switch it on.
        setTraderAutoRollbackAction({
          traderId: owner.traderId,
          enabled: "false" as unknown as boolean,
        }),
      ]),
    );
    for (const result of malformed) {
      expect(result).toMatchObject({ ok: false, code: "validation_failed" });
    }
    expect(await readAutoRollback(owner.traderId)).toBe(false);
  });
});
