import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The deploy action kicks the job runner, which claims any due job: this file has a
// database of its own.
const { database } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const created = await createTestDatabase();
  process.env.DATABASE_URL = created.url;
  return { database: created };
});

// Revalidation needs a running server's cache; the tests check which pages are refreshed.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { revalidatePath } from "next/cache";
import { deployFixAction } from "@/app/(app)/errors/[id]/fix-actions";
import { getDb, getPool } from "@/lib/db";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { SIMPLE_FILTER_CODE, seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest } from "@/tests/support/api-request";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();

const PROPOSED_CODE = `export default function filter({ candles }) {
  if (candles.length === 0) return false;
  const last = candles[candles.length - 1];
  return last.close > last.open;
}
`;
const EDITED_CODE = `export default function filter({ candles }) {
  if (candles.length < 2) return false; // the reviewer wants two candles
  const last = candles[candles.length - 1];
  return last.close > last.open;
}
`;

type Owner = { userId: string; email: string; name: string | null; traderId: string; v1Id: string };

async function seedOwner(): Promise<Owner> {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    traderId: trader.id,
    v1Id: trader.activeVersionId ?? "",
  };
}

async function seedProposal(owner: Owner, groupId: string) {
  const attempt = await db.regenerationAttempt.create({
    data: {
      userId: owner.userId,
      traderId: owner.traderId,
      groupId,
      trigger: "manual",
      status: "proposed",
      proposedCode: PROPOSED_CODE,
    },
    select: { id: true },
  });
  return attempt.id;
}

async function signIn(owner: Owner) {
  const cookie = await createSessionCookie({ id: owner.userId, ...owner });
  return <T>(run: () => Promise<T>) =>
    runInRequestScope(jsonRequest("/errors", { headers: { cookie } }), run);
}

async function readVersionState(owner: Owner) {
  const [trader, versions] = await Promise.all([
    db.trader.findUniqueOrThrow({
      where: { id: owner.traderId },
      select: { activeVersionId: true, activeVersion: { select: { version: true, source: true } } },
    }),
    db.traderCodeVersion.count({ where: { traderId: owner.traderId } }),
  ]);
  return { ...trader, versions };
}

afterAll(async () => {
  await getPool().end();
  await database.drop();
});

beforeEach(() => {
  vi.mocked(revalidatePath).mockClear();
});

describe("deployFixAction", () => {
  it("deploys the user's code as the active version and watches the group", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, owner);
    const asOwner = await signIn(owner);

    const result = await asOwner(() =>
      deployFixAction({ groupId, code: EDITED_CODE, note: "  Needs two candles  " }),
    );

    expect(result).toEqual({
      ok: true,
      data: {
        deploymentId: expect.any(String),
        traderId: owner.traderId,
        version: { id: expect.any(String), version: 2 },
        isKeptPaused: false,
        watchUntil: expect.any(Date),
      },
    });
    if (!result.ok) return;
    const version = await db.traderCodeVersion.findUniqueOrThrow({
      where: { id: result.data.version.id },
    });
    expect(version).toMatchObject({
      code: EDITED_CODE,
      source: "user",
      authorId: owner.userId,
      parentId: owner.v1Id,
      note: "Needs two candles",
    });
    expect(await readVersionState(owner)).toMatchObject({
      activeVersionId: version.id,
      versions: 2,
    });
    expect(
      await db.deployment.findUniqueOrThrow({ where: { id: result.data.deploymentId } }),
    ).toMatchObject({ groupId, attemptId: null, toVersionId: version.id, kind: "deploy" });
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "fix_deployed",
    });
    const refreshed = vi.mocked(revalidatePath).mock.calls.map(([path]) => path);
    expect(refreshed).toEqual(
      expect.arrayContaining([`/errors/${groupId}`, "/errors", `/traders/${owner.traderId}`]),
    );
  });

  it("records the unedited AI proposal as source ai and marks the attempt deployed", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, { ...owner, status: "fix_proposed" });
    const attemptId = await seedProposal(owner, groupId);
    const asOwner = await signIn(owner);

    const result = await asOwner(() =>
      deployFixAction({ groupId, code: PROPOSED_CODE, attemptId }),
    );
    if (!result.ok) throw new Error(result.message);

    expect(await readVersionState(owner)).toMatchObject({
      activeVersionId: result.data.version.id,
      activeVersion: { version: 2, source: "ai" },
    });
    expect(
      await db.deployment.findUniqueOrThrow({ where: { id: result.data.deploymentId } }),
    ).toMatchObject({ groupId, attemptId });
    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attemptId } }),
    ).toMatchObject({ status: "deployed" });
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "fix_deployed",
    });
  });

  it("records an edited proposal as the user's code, still linked to the attempt", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, { ...owner, status: "fix_proposed" });
    const attemptId = await seedProposal(owner, groupId);
    const asOwner = await signIn(owner);

    const result = await asOwner(() => deployFixAction({ groupId, code: EDITED_CODE, attemptId }));
    if (!result.ok) throw new Error(result.message);

    expect(await readVersionState(owner)).toMatchObject({
      activeVersion: { version: 2, source: "user" },
    });
    expect(
      await db.deployment.findUniqueOrThrow({ where: { id: result.data.deploymentId } }),
    ).toMatchObject({ attemptId });
    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attemptId } }),
    ).toMatchObject({ status: "deployed" });
  });

  it("answers not_found for another user's group and writes nothing", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, owner);
    const asIntruder = await signIn(await seedOwner());

    await expect(
      asIntruder(() => deployFixAction({ groupId, code: EDITED_CODE })),
    ).resolves.toMatchObject({ ok: false, code: "not_found" });
    expect(await readVersionState(owner)).toMatchObject({
      activeVersionId: owner.v1Id,
      versions: 1,
    });
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "unresolved",
    });
    expect(vi.mocked(revalidatePath)).not.toHaveBeenCalled();
  });

  it("refuses invalid input and code equal to the active version", async () => {
    const owner = await seedOwner();
    const { id: groupId } = await seedErrorGroup(db, owner);
    const asOwner = await signIn(owner);

    await expect(
      asOwner(() => deployFixAction({ groupId, code: EDITED_CODE, note: "x".repeat(501) })),
    ).resolves.toMatchObject({ ok: false, code: "validation_failed", fields: [{ path: "note" }] });
    await expect(
      asOwner(() => deployFixAction({ groupId, code: EDITED_CODE, attemptId: "attempt-1" })),
    ).resolves.toMatchObject({ ok: false, code: "validation_failed" });
    await expect(
      asOwner(() => deployFixAction({ groupId, code: SIMPLE_FILTER_CODE })),
    ).resolves.toMatchObject({ ok: false, code: "conflict" });
    expect(await readVersionState(owner)).toMatchObject({ versions: 1 });
  });
});
