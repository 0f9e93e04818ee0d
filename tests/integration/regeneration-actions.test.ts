import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The propose action kicks the job runner, which claims any due job: this file has a
// database of its own, and the app's LLM client talks to the fake server.
const { database, fake } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const { startFakeOpenAiServer } = await import("@/tests/support/fake-openai-server");
  const created = await createTestDatabase();
  const server = await startFakeOpenAiServer({ apiKey: "sk-test-actions", model: "gpt-4.1-mini" });
  process.env.DATABASE_URL = created.url;
  process.env.OPENAI_API_KEY = "sk-test-actions";
  process.env.OPENAI_BASE_URL = server.baseUrl;
  process.env.OPENAI_MODEL = "gpt-4.1-mini";
  delete process.env.RESEND_API_KEY;
  return { database: created, fake: server };
});

// Revalidation needs a running server's cache; the tests check which pages are refreshed.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { revalidatePath } from "next/cache";
import { dismissProposalAction, proposeFixAction } from "@/app/(app)/errors/[id]/fix-actions";
import { getDb, getPool } from "@/lib/db";
import { getGroupRecovery } from "@/lib/regeneration/get-group-recovery";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest } from "@/tests/support/api-request";
import { cannedOutput } from "@/tests/support/fake-openai-server";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();

const FAILING_CODE = `export default function filter({ candles }) {
  return candles[5].close > candles[0].close;
}
`;
const GOOD_CODE = `export default function filter({ candles }) {
  if (candles.length < 6) return false;
  return candles[5].close > candles[0].close;
}
`;

type Owner = { userId: string; traderId: string; email: string; name: string | null };

async function seedOwner(): Promise<Owner> {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id, code: FAILING_CODE });
  return { userId: user.id, traderId: trader.id, email: user.email, name: user.name };
}

async function seedGroup(owner: Owner) {
  const seenAt = new Date("2026-11-20T09:15:00.000Z");
  const title = "TypeError: Cannot read properties of undefined (reading 'close')";
  const group = await seedErrorGroup(db, { ...owner, title, eventCount: 2, seenAt });
  await db.errorEvent.create({
    data: {
      userId: owner.userId,
      traderId: owner.traderId,
      groupId: group.id,
      idempotencyKey: randomUUID(),
      payloadHash: randomUUID(),
      errorType: "runtime",
      errorMessage: title,
      context: { symbol: "BTCUSDT", interval: "5m", params: {}, candles: [] },
      errorHash: randomUUID().slice(0, 12),
      occurredAt: seenAt,
    },
  });
  return group.id;
}

async function signIn(owner: Owner) {
  const cookie = await createSessionCookie({ id: owner.userId, ...owner });
  return <T>(run: () => Promise<T>) =>
    runInRequestScope(jsonRequest("/errors", { headers: { cookie } }), run);
}

afterAll(async () => {
  fake.close();
  await getPool().end();
  await database.drop();
});

beforeEach(() => {
  fake.reset();
  vi.mocked(revalidatePath).mockClear();
});

describe("proposeFixAction", () => {
  it("queues an attempt and starts it after the response", async () => {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const asOwner = await signIn(owner);
    fake.enqueue(
      cannedOutput({ code: GOOD_CODE, explanation: "Waits for six candles.", changes: [] }),
    );

    const result = await asOwner(() => proposeFixAction({ groupId }));

    expect(result).toEqual({
      ok: true,
      data: { attemptId: expect.any(String), status: "queued", isNew: true },
    });
    expect(vi.mocked(revalidatePath)).toHaveBeenCalledWith(`/errors/${groupId}`);
    // The request scope ends after its after() tasks: the kicked runner has proposed it.
    const attemptId = result.ok ? result.data.attemptId : "";
    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attemptId } }),
    ).toMatchObject({ status: "proposed", trigger: "manual", triggeredById: owner.userId });
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "fix_proposed",
    });

    const recovery = await getGroupRecovery({ userId: owner.userId, groupId });
    expect(recovery).toMatchObject({
      groupStatus: "fix_proposed",
      isAiFixesEnabled: true,
      isLlmConfigured: true,
      circuit: { state: "closed" },
      regenerationPolicy: "off",
      autoDeploy: false,
      baseCode: { version: 1, code: FAILING_CODE },
      caps: {
        dailyAttempts: { used: 1, limit: 20, remaining: 19 },
        dailyTokens: { used: 1_500, limit: 200_000, remaining: 198_500 },
        groupAttempts: { used: 1, limit: 5, remaining: 4 },
        cooldownEndsAt: expect.any(Date),
      },
    });
    expect(recovery.attempts).toEqual([
      expect.objectContaining({
        id: attemptId,
        status: "proposed",
        rounds: 1,
        model: "gpt-4.1-mini",
        tokensIn: 1_200,
        tokensOut: 300,
        estimatedCostUsd: expect.any(Number),
        proposedCode: GOOD_CODE,
        explanation: "Waits for six candles.",
        changes: [],
        verification: expect.objectContaining({ passed: true }),
      }),
    ]);
  });

  it("answers with the refusal when a cap stops it", async () => {
    const owner = await seedOwner();
    await db.aiSettings.create({ data: { userId: owner.userId, dailyAttemptCap: 0 } });
    const asOwner = await signIn(owner);

    const result = await asOwner(() => proposeFixAction({ groupId: "" }));
    expect(result).toMatchObject({ ok: false, code: "validation_failed" });

    const groupId = await seedGroup(owner);
    await expect(asOwner(() => proposeFixAction({ groupId }))).resolves.toEqual({
      ok: false,
      code: "rate_limited",
      message: expect.stringContaining("daily limit of 0 AI fix attempts"),
    });
  });

  it("refuses another user's group as if it did not exist", async () => {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const asIntruder = await signIn(await seedOwner());

    await expect(asIntruder(() => proposeFixAction({ groupId }))).resolves.toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await db.regenerationAttempt.count({ where: { groupId } })).toBe(0);
    await expect(
      getGroupRecovery({ userId: (await seedOwner()).userId, groupId }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("dismissProposalAction", () => {
  async function proposedFix() {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const asOwner = await signIn(owner);
    fake.enqueue(cannedOutput({ code: GOOD_CODE, explanation: "Guarded.", changes: [] }));
    const proposed = await asOwner(() => proposeFixAction({ groupId }));
    if (!proposed.ok) throw new Error(proposed.message);
    return { owner, groupId, asOwner, attemptId: proposed.data.attemptId };
  }

  it("dismisses the proposal and reopens the group with an activity", async () => {
    const { owner, groupId, asOwner, attemptId } = await proposedFix();

    await expect(asOwner(() => dismissProposalAction({ attemptId }))).resolves.toEqual({
      ok: true,
      data: { attemptId, groupId, groupStatus: "unresolved" },
    });

    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attemptId } }),
    ).toMatchObject({
      status: "dismissed",
    });
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "unresolved",
    });
    const [latest] = await db.groupActivity.findMany({
      where: { groupId },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(latest).toMatchObject({
      kind: "status_changed",
      actorKind: "user",
      actorUserId: owner.userId,
      fromStatus: "fix_proposed",
      toStatus: "unresolved",
      note: `Dismissed the AI fix (attempt ${attemptId})`,
    });

    await expect(asOwner(() => dismissProposalAction({ attemptId }))).resolves.toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("refuses another user's attempt", async () => {
    const { groupId, attemptId } = await proposedFix();
    const asIntruder = await signIn(await seedOwner());

    await expect(asIntruder(() => dismissProposalAction({ attemptId }))).resolves.toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(
      await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attemptId } }),
    ).toMatchObject({
      status: "proposed",
    });
    expect(await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({
      status: "fix_proposed",
    });
  });
});
