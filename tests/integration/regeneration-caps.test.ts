import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { getAiSettings, updateAiSettings } from "@/lib/regeneration/ai-settings";
import { type AiSettingsValues, defaultAiSettings } from "@/lib/regeneration/ai-settings-schema";
import { requestRegeneration } from "@/lib/regeneration/request-regeneration";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();
const HOUR_MS = 60 * 60_000;

async function seedOwner(settings: Partial<AiSettingsValues> = {}) {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  // Caps under test are set explicitly; the cooldown is off unless a test sets it.
  await db.aiSettings.create({
    data: { userId: user.id, groupCooldownMinutes: 0, ...settings },
  });
  return { userId: user.id, traderId: trader.id };
}

type Owner = Awaited<ReturnType<typeof seedOwner>>;

// A finished attempt in the ledger, as the runner leaves it.
async function seedAttempt(
  owner: Owner,
  groupId: string,
  fields: { agoMs: number; tokensIn?: number; tokensOut?: number; completedAgoMs?: number },
) {
  await db.regenerationAttempt.create({
    data: {
      userId: owner.userId,
      groupId,
      traderId: owner.traderId,
      trigger: "manual",
      status: "failed",
      tokensIn: fields.tokensIn ?? 0,
      tokensOut: fields.tokensOut ?? 0,
      createdAt: new Date(Date.now() - fields.agoMs),
      completedAt: new Date(Date.now() - (fields.completedAgoMs ?? fields.agoMs)),
    },
  });
}

const request = (owner: Owner, groupId: string, now = new Date()) =>
  requestRegeneration({ userId: owner.userId, groupId, trigger: "manual", now });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("regeneration caps", () => {
  it("refuses past the daily attempt cap until the oldest attempt of the window ages out", async () => {
    const owner = await seedOwner({ dailyAttemptCap: 2 });
    await seedAttempt(owner, (await seedErrorGroup(db, owner)).id, { agoMs: 25 * HOUR_MS }); // outside the window
    await seedAttempt(owner, (await seedErrorGroup(db, owner)).id, { agoMs: 23 * HOUR_MS });
    await seedAttempt(owner, (await seedErrorGroup(db, owner)).id, { agoMs: 1 * HOUR_MS });
    const { id: groupId } = await seedErrorGroup(db, owner);
    const now = new Date();

    const error = await refusal(request(owner, groupId, now));

    expect(error).toMatchObject({ code: "rate_limited", status: 429 });
    expect(error.message).toContain("daily limit of 2 AI fix attempts");
    // The 23 h old attempt leaves the window in about an hour.
    expect(error.retryAfterSeconds).toBeGreaterThan(3_500);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(3_600);
    expect(await db.regenerationAttempt.count({ where: { groupId } })).toBe(0);
  });

  it("refuses once the last 24 h used the daily token cap", async () => {
    const owner = await seedOwner({ dailyTokenCap: 1_000 });
    await seedAttempt(owner, (await seedErrorGroup(db, owner)).id, {
      agoMs: 2 * HOUR_MS,
      tokensIn: 800,
      tokensOut: 300,
    });
    const { id: groupId } = await seedErrorGroup(db, owner);

    const error = await refusal(request(owner, groupId));

    expect(error).toMatchObject({ code: "rate_limited" });
    expect(error.message).toContain("daily limit of 1,000 AI tokens");
    expect(error.retryAfterSeconds).toBeGreaterThan(21 * 3_600);
  });

  it("allows an attempt while the tokens used stay under the cap", async () => {
    const owner = await seedOwner({ dailyTokenCap: 1_000 });
    await seedAttempt(owner, (await seedErrorGroup(db, owner)).id, {
      agoMs: HOUR_MS,
      tokensIn: 900,
    });
    const { id: groupId } = await seedErrorGroup(db, owner);
    await expect(request(owner, groupId)).resolves.toMatchObject({ created: true });
  });

  it("caps the attempts of one error per occurrence; a regression starts a new one", async () => {
    const owner = await seedOwner({ groupAttemptCap: 2 });
    const { id: groupId } = await seedErrorGroup(db, owner);
    await seedAttempt(owner, groupId, { agoMs: 3 * HOUR_MS });
    await seedAttempt(owner, groupId, { agoMs: 2 * HOUR_MS });

    const error = await refusal(request(owner, groupId));
    expect(error).toMatchObject({ code: "conflict", status: 409 });
    expect(error.message).toContain("already had 2 AI fix attempts, the per-error limit");

    await db.errorGroup.update({
      where: { id: groupId },
      data: { status: "regressed", regressedAt: new Date(Date.now() - HOUR_MS) },
    });
    await expect(request(owner, groupId)).resolves.toMatchObject({ created: true });
  });

  it("waits out the cooldown after the group's last attempt ended", async () => {
    const owner = await seedOwner({ groupCooldownMinutes: 10 });
    const { id: groupId } = await seedErrorGroup(db, owner);
    await seedAttempt(owner, groupId, { agoMs: 20 * 60_000, completedAgoMs: 3 * 60_000 });
    const now = new Date();

    const error = await refusal(request(owner, groupId, now));

    expect(error).toMatchObject({ code: "rate_limited" });
    expect(error.message).toContain("less than 10 min ago");
    expect(error.retryAfterSeconds).toBeGreaterThan(6 * 60);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(7 * 60);
    // Another group of the same user is not cooling down.
    const other = await seedErrorGroup(db, owner);
    await expect(request(owner, other.id)).resolves.toMatchObject({ created: true });
  });

  it("lets exactly one of concurrent requests for different groups take a cap of 1", async () => {
    const owner = await seedOwner({ dailyAttemptCap: 1 });
    const groupIds = await Promise.all(
      Array.from({ length: 5 }, async () => (await seedErrorGroup(db, owner)).id),
    );

    const results = await Promise.allSettled(groupIds.map((groupId) => request(owner, groupId)));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.flatMap((result) => (result.status === "rejected" ? [result] : []));
    expect(rejected.map((result) => (result.reason as AppError).code)).toEqual(
      Array(4).fill("rate_limited"),
    );
    expect(await db.regenerationAttempt.count({ where: { userId: owner.userId } })).toBe(1);
  });

  it("answers the attempt in flight even when the caps are used up", async () => {
    const owner = await seedOwner({ dailyAttemptCap: 1 });
    const { id: groupId } = await seedErrorGroup(db, owner);
    const first = await request(owner, groupId);
    await expect(request(owner, groupId)).resolves.toEqual({
      attempt: first.attempt,
      created: false,
    });
  });

  it("applies the schema defaults to a user without settings", async () => {
    const user = await seedUser(db);
    const trader = await seedTrader(db, { userId: user.id });
    const owner = { userId: user.id, traderId: trader.id };
    const { id: groupId } = await seedErrorGroup(db, owner);
    await expect(getAiSettings({ userId: user.id })).resolves.toEqual(defaultAiSettings);

    await request(owner, groupId);
    await db.regenerationAttempt.updateMany({
      where: { groupId },
      data: { status: "failed", completedAt: new Date() },
    });
    // The default 10 minute cooldown applies.
    await expect(request(owner, groupId)).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("AI settings", () => {
  it("saves a full set and reads it back", async () => {
    const user = await seedUser(db);
    const settings: AiSettingsValues = {
      regenerationPolicy: "compile_runtime",
      autoTriggerMinEvents: 5,
      dailyAttemptCap: 10,
      dailyTokenCap: 50_000,
      groupAttemptCap: 3,
      groupCooldownMinutes: 30,
      autoDeploy: true,
      watchMinutes: 120,
      watchExecutions: 0,
    };
    await expect(updateAiSettings({ userId: user.id, settings })).resolves.toEqual(settings);
    await expect(getAiSettings({ userId: user.id })).resolves.toEqual(settings);
    await expect(
      updateAiSettings({ userId: user.id, settings: { ...settings, dailyAttemptCap: 4 } }),
    ).resolves.toMatchObject({ dailyAttemptCap: 4 });
  });

  it("rejects values outside the bounds", async () => {
    const user = await seedUser(db);
    const error = await updateAiSettings({
      userId: user.id,
      settings: {
        ...defaultAiSettings,
        dailyTokenCap: 10_000_000_000,
        watchMinutes: 1,
        watchExecutions: 10_001,
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path.join("."))).toEqual([
      "dailyTokenCap",
      "watchMinutes",
      "watchExecutions",
    ]);
    expect(await db.aiSettings.count({ where: { userId: user.id } })).toBe(0);
  });
});
