import { describe, expect, it, vi } from "vitest";

// The operator's switch is read from the environment once, like every setting.
vi.hoisted(() => {
  process.env.AI_FIXES = "off";
});

import { getDb } from "@/lib/db";
import { maybeAutoRegenerate } from "@/lib/regeneration/maybe-auto-regenerate";
import { requestRegeneration } from "@/lib/regeneration/request-regeneration";
import { sweepAutoRegeneration } from "@/lib/regeneration/sweep-auto-regeneration";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();

describe("AI_FIXES=off", () => {
  it("refuses every attempt, manual or automatic", async () => {
    const user = await seedUser(db);
    const trader = await seedTrader(db, { userId: user.id });
    await db.aiSettings.create({ data: { userId: user.id, regenerationPolicy: "all" } });
    const group = await seedErrorGroup(db, {
      userId: user.id,
      traderId: trader.id,
      eventCount: 10,
    });

    await expect(
      requestRegeneration({ userId: user.id, groupId: group.id, trigger: "manual" }),
    ).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("AI fixes are turned off on this server"),
    });
    await expect(maybeAutoRegenerate({ groupId: group.id })).resolves.toEqual({
      result: "skipped",
      reason: "ai_fixes_off",
    });
    await expect(sweepAutoRegeneration()).resolves.toMatchObject({ candidates: 0, requested: 0 });
    expect(await db.regenerationAttempt.count({ where: { groupId: group.id } })).toBe(0);
  });
});
