import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { requestRegeneration } from "@/lib/regeneration/request-regeneration";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();

describe("requestRegeneration", () => {
  let userId: string;
  let otherUserId: string;
  let traderId: string;
  let activeVersionId: string;

  beforeAll(async () => {
    userId = (await seedUser(db)).id;
    // These tests are about the in-flight rule; regeneration-caps.test.ts covers the cooldown.
    await db.aiSettings.create({ data: { userId, groupCooldownMinutes: 0 } });
    otherUserId = (await seedUser(db)).id;
    const trader = await seedTrader(db, { userId });
    traderId = trader.id;
    activeVersionId = trader.activeVersionId!;
  });

  async function seedGroup(options: { codeVersionId?: string | null } = {}) {
    const seenAt = new Date("2026-11-20T09:15:00.000Z");
    const group = await seedErrorGroup(db, { userId, traderId, seenAt });
    if (options.codeVersionId !== undefined) {
      await db.errorEvent.create({
        data: {
          userId,
          traderId,
          groupId: group.id,
          idempotencyKey: randomUUID(),
          payloadHash: randomUUID(),
          errorType: "runtime",
          errorMessage: "TypeError: close of undefined",
          codeVersionId: options.codeVersionId,
          errorHash: randomUUID().slice(0, 12),
          occurredAt: seenAt,
        },
      });
    }
    return group.id;
  }

  it("queues an attempt based on the version that failed", async () => {
    const groupId = await seedGroup({ codeVersionId: activeVersionId });

    const result = await requestRegeneration({
      userId,
      groupId,
      trigger: "manual",
      triggeredById: userId,
    });

    expect(result.created).toBe(true);
    expect(result.attempt).toMatchObject({
      groupId,
      traderId,
      baseVersionId: activeVersionId,
      trigger: "manual",
      status: "queued",
    });
    const stored = await db.regenerationAttempt.findUniqueOrThrow({
      where: { id: result.attempt.id },
    });
    expect(stored).toMatchObject({ userId, triggeredById: userId, status: "queued", rounds: 0 });
  });

  it("returns the attempt already in flight instead of queueing a second", async () => {
    const groupId = await seedGroup();
    const first = await requestRegeneration({ userId, groupId, trigger: "auto" });
    const again = await requestRegeneration({
      userId,
      groupId,
      trigger: "manual",
      triggeredById: userId,
    });
    expect(again).toEqual({ attempt: first.attempt, created: false });

    await db.regenerationAttempt.update({
      where: { id: first.attempt.id },
      data: { status: "running" },
    });
    const whileRunning = await requestRegeneration({ userId, groupId, trigger: "auto" });
    expect(whileRunning).toMatchObject({
      attempt: { id: first.attempt.id, status: "running" },
      created: false,
    });

    await db.regenerationAttempt.update({
      where: { id: first.attempt.id },
      data: { status: "failed" },
    });
    const afterFailure = await requestRegeneration({ userId, groupId, trigger: "manual" });
    expect(afterFailure.created).toBe(true);
    expect(afterFailure.attempt.id).not.toBe(first.attempt.id);
  });

  it("creates exactly one attempt under concurrent requests", async () => {
    const groupId = await seedGroup();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => requestRegeneration({ userId, groupId, trigger: "manual" })),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.attempt.id)).size).toBe(1);
    expect(await db.regenerationAttempt.count({ where: { groupId } })).toBe(1);
  });

  it("falls back to the active version when the event names another trader's version", async () => {
    const otherTrader = await seedTrader(db, { userId: otherUserId });
    const groupId = await seedGroup({ codeVersionId: otherTrader.activeVersionId });
    const { attempt } = await requestRegeneration({ userId, groupId, trigger: "auto" });
    expect(attempt.baseVersionId).toBe(activeVersionId);
  });

  it("answers not_found for another user's group, a missing one and a malformed id", async () => {
    const groupId = await seedGroup();
    for (const request of [
      { userId: otherUserId, groupId },
      { userId, groupId: randomUUID() },
      { userId, groupId: "nope" },
    ]) {
      const error = await requestRegeneration({ ...request, trigger: "manual" }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "not_found" });
    }
    expect(await db.regenerationAttempt.count({ where: { groupId } })).toBe(0);
  });
});
