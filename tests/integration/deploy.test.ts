import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { deployCode } from "@/lib/deploy/deploy-code-version";
import { getTraderVersion } from "@/lib/deploy/get-trader-version";
import { listTraderVersions } from "@/lib/deploy/list-trader-versions";
import { activateVersion } from "@/lib/deploy/rollback-to-version";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { SIMPLE_FILTER_CODE, seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();

const fixedCode = (marker: string) => `export default function filter({ candles }) {
  if (candles.length === 0) return false; // ${marker}
  const last = candles[candles.length - 1];
  return last.close > last.open;
}
`;

// Missing closing brace of the function: a syntax error on the last line.
const BROKEN_CODE = `export default function filter({ candles }) {
  const last = candles[candles.length - 1];
  return last.close > last.open;
`;

async function seedProposal(userId: string, traderId: string, groupId: string, code: string) {
  return db.regenerationAttempt.create({
    data: { userId, traderId, groupId, trigger: "manual", status: "proposed", proposedCode: code },
    select: { id: true },
  });
}

async function snapshotWrites(traderId: string, groupId: string) {
  const [versions, deployments, activities, trader] = await Promise.all([
    db.traderCodeVersion.count({ where: { traderId } }),
    db.deployment.count({ where: { traderId } }),
    db.groupActivity.count({ where: { groupId } }),
    db.trader.findUniqueOrThrow({
      where: { id: traderId },
      select: { activeVersionId: true, state: true },
    }),
  ]);
  return { versions, deployments, activities, trader };
}

describe("deployCode", () => {
  let userId: string;
  let traderId: string;
  let v1Id: string;

  beforeEach(async () => {
    userId = (await seedUser(db)).id;
    const trader = await seedTrader(db, { userId });
    traderId = trader.id;
    v1Id = trader.activeVersionId ?? "";
  });

  it("makes the AI fix version 2, active, audited, with its group watched and attempt deployed", async () => {
    await db.aiSettings.create({ data: { userId, watchMinutes: 15 } });
    await db.trader.update({ where: { id: traderId }, data: { state: "error" } });
    const group = await seedErrorGroup(db, { userId, traderId, status: "fix_proposed" });
    const code = fixedCode("ai fix");
    const attempt = await seedProposal(userId, traderId, group.id, code);
    const before = Date.now();

    const result = await deployCode({
      userId,
      traderId,
      code,
      source: "ai",
      attemptId: attempt.id,
      note: "Guard the empty history",
    });

    expect(result).toMatchObject({
      version: { version: 2 },
      fromVersionId: v1Id,
      traderState: "running",
      isKeptPaused: false,
      group: { id: group.id, status: "fix_deployed" },
      isWebhookQueued: false,
    });
    const version = await db.traderCodeVersion.findUniqueOrThrow({
      where: { id: result.version.id },
    });
    expect(version).toMatchObject({
      traderId,
      version: 2,
      code,
      source: "ai",
      authorId: userId,
      parentId: v1Id,
      note: "Guard the empty history",
    });
    const trader = await db.trader.findUniqueOrThrow({ where: { id: traderId } });
    expect(trader).toMatchObject({ activeVersionId: version.id, state: "running" });

    const deployment = await db.deployment.findUniqueOrThrow({
      where: { id: result.deploymentId },
    });
    expect(deployment).toMatchObject({
      traderId,
      kind: "deploy",
      actorUserId: userId,
      fromVersionId: v1Id,
      toVersionId: version.id,
      groupId: group.id,
      attemptId: attempt.id,
    });
    const watchMs = (deployment.watchUntil?.getTime() ?? 0) - deployment.createdAt.getTime();
    expect(watchMs).toBe(15 * 60_000);
    expect(deployment.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5);

    const storedGroup = await db.errorGroup.findUniqueOrThrow({ where: { id: group.id } });
    expect(storedGroup.status).toBe("fix_deployed");
    const activities = await db.groupActivity.findMany({ where: { groupId: group.id } });
    expect(activities).toEqual([
      expect.objectContaining({
        kind: "fix_deployed",
        actorKind: "user",
        actorUserId: userId,
        fromStatus: "fix_proposed",
        toStatus: "fix_deployed",
        note: "Deployed version 2",
      }),
    ]);
    const storedAttempt = await db.regenerationAttempt.findUniqueOrThrow({
      where: { id: attempt.id },
    });
    expect(storedAttempt.status).toBe("deployed");
  });

  it("watches for the default 60 minutes without an ai_settings row", async () => {
    const result = await deployCode({
      userId,
      traderId,
      code: fixedCode("default"),
      source: "user",
    });
    const deployment = await db.deployment.findUniqueOrThrow({
      where: { id: result.deploymentId },
    });
    expect((deployment.watchUntil?.getTime() ?? 0) - deployment.createdAt.getTime()).toBe(
      60 * 60_000,
    );
    expect(deployment).toMatchObject({ groupId: null, attemptId: null });
  });

  it("keeps a paused trader paused and says so", async () => {
    await db.trader.update({ where: { id: traderId }, data: { state: "paused" } });
    const result = await deployCode({
      userId,
      traderId,
      code: fixedCode("paused"),
      source: "user",
    });
    expect(result).toMatchObject({ traderState: "paused", isKeptPaused: true });
    const trader = await db.trader.findUniqueOrThrow({ where: { id: traderId } });
    expect(trader).toMatchObject({ state: "paused", activeVersionId: result.version.id });
  });

  it("refuses code that does not compile, naming the line, and writes nothing", async () => {
    const group = await seedErrorGroup(db, { userId, traderId, status: "fix_proposed" });
    const attempt = await seedProposal(userId, traderId, group.id, BROKEN_CODE);
    const before = await snapshotWrites(traderId, group.id);

    const deploying = deployCode({
      userId,
      traderId,
      code: BROKEN_CODE,
      source: "ai",
      attemptId: attempt.id,
    });
    await expect(deploying).rejects.toMatchObject({
      code: "validation_failed",
      status: 422,
      message: expect.stringMatching(/does not compile \(line \d+\)/),
      fields: [{ path: "code", message: expect.stringMatching(/^line \d+: /) }],
    });

    expect(await snapshotWrites(traderId, group.id)).toEqual(before);
    const stored = await db.regenerationAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(stored.status).toBe("proposed");
    const storedGroup = await db.errorGroup.findUniqueOrThrow({ where: { id: group.id } });
    expect(storedGroup.status).toBe("fix_proposed");
  });

  it("refuses the active version's code again (409) instead of a duplicate version", async () => {
    const group = await seedErrorGroup(db, { userId, traderId, status: "fix_proposed" });
    const before = await snapshotWrites(traderId, group.id);
    await expect(
      deployCode({ userId, traderId, code: SIMPLE_FILTER_CODE, source: "user", groupId: group.id }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("version 1") });
    expect(await snapshotWrites(traderId, group.id)).toEqual(before);
  });

  it("numbers concurrent deploys without gaps or duplicates, each from the one before", async () => {
    const codes = ["a", "b", "c", "d", "e"].map((marker) => fixedCode(`concurrent ${marker}`));
    const results = await Promise.all(
      codes.map((code) => deployCode({ userId, traderId, code, source: "user" })),
    );

    expect(results.map((result) => result.version.version).sort()).toEqual([2, 3, 4, 5, 6]);
    const versions = await db.traderCodeVersion.findMany({
      where: { traderId },
      orderBy: { version: "asc" },
      select: { id: true, version: true, code: true, parentId: true },
    });
    expect(versions.map((version) => version.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(versions.slice(1).map((version) => version.code))).toEqual(new Set(codes));
    // A chain: each new version's parent (and its deployment's from) is the one before it.
    for (let index = 1; index < versions.length; index += 1) {
      expect(versions[index]?.parentId).toBe(versions[index - 1]?.id);
    }
    const deployments = await db.deployment.findMany({
      where: { traderId },
      select: { fromVersionId: true, toVersionId: true },
    });
    expect(deployments).toHaveLength(5);
    for (const deployment of deployments) {
      const to = versions.find((version) => version.id === deployment.toVersionId);
      expect(deployment.fromVersionId).toBe(to?.parentId);
    }
    const trader = await db.trader.findUniqueOrThrow({ where: { id: traderId } });
    expect(trader.activeVersionId).toBe(versions[5]?.id);
  });

  it("queues one signed-webhook job when the trader has a deploy webhook", async () => {
    await db.trader.update({
      where: { id: traderId },
      data: { deployWebhookUrl: "https://example.test/restart", deployWebhookSecret: "s3cret" },
    });
    const result = await deployCode({ userId, traderId, code: fixedCode("hook"), source: "user" });
    expect(result.isWebhookQueued).toBe(true);
    const jobs = await db.job.findMany({
      where: { dedupeKey: `deploy.webhook:${result.deploymentId}` },
    });
    expect(jobs).toEqual([
      expect.objectContaining({
        kind: "deploy.webhook",
        payload: { deploymentId: result.deploymentId },
        status: "pending",
      }),
    ]);
  });

  it("answers not_found for another user's trader, group or attempt, and writes nothing", async () => {
    const other = (await seedUser(db)).id;
    const otherTrader = await seedTrader(db, { userId: other });
    const otherGroup = await seedErrorGroup(db, {
      userId: other,
      traderId: otherTrader.id,
      status: "fix_proposed",
    });
    const otherAttempt = await seedProposal(other, otherTrader.id, otherGroup.id, fixedCode("x"));
    const code = fixedCode("cross tenant");

    await expect(
      deployCode({ userId, traderId: otherTrader.id, code, source: "user" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      deployCode({ userId, traderId, code, source: "user", groupId: otherGroup.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      deployCode({ userId, traderId, code, source: "ai", attemptId: otherAttempt.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      deployCode({ userId, traderId: "not-a-uuid", code, source: "user" }),
    ).rejects.toMatchObject({ code: "not_found" });

    expect(await db.traderCodeVersion.count({ where: { traderId: otherTrader.id } })).toBe(1);
    expect(await db.traderCodeVersion.count({ where: { traderId } })).toBe(1);
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: otherGroup.id } });
    expect(group.status).toBe("fix_proposed");
  });

  it("refuses a group of another of the user's traders, a closed group and a spent attempt", async () => {
    const sibling = await seedTrader(db, { userId });
    const siblingGroup = await seedErrorGroup(db, {
      userId,
      traderId: sibling.id,
      status: "fix_proposed",
    });
    const resolved = await seedErrorGroup(db, { userId, traderId, status: "resolved" });
    const group = await seedErrorGroup(db, { userId, traderId, status: "fix_proposed" });
    const attempt = await seedProposal(userId, traderId, group.id, fixedCode("spent"));
    await db.regenerationAttempt.update({
      where: { id: attempt.id },
      data: { status: "dismissed" },
    });
    const code = fixedCode("refused");

    await expect(
      deployCode({ userId, traderId, code, source: "user", groupId: siblingGroup.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      deployCode({ userId, traderId, code, source: "user", groupId: resolved.id }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      deployCode({ userId, traderId, code, source: "ai", attemptId: attempt.id }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("dismissed") });
    expect(await db.traderCodeVersion.count({ where: { traderId } })).toBe(1);
  });
});

describe("activateVersion (rollback)", () => {
  let userId: string;
  let traderId: string;
  let v1Id: string;

  beforeEach(async () => {
    userId = (await seedUser(db)).id;
    const trader = await seedTrader(db, { userId });
    traderId = trader.id;
    v1Id = trader.activeVersionId ?? "";
  });

  it("re-activates version 1 without a new version row, audited, and reopens the watched group", async () => {
    const group = await seedErrorGroup(db, { userId, traderId, status: "fix_proposed" });
    const deployed = await deployCode({
      userId,
      traderId,
      code: fixedCode("to roll back"),
      source: "user",
      groupId: group.id,
    });
    await db.trader.update({ where: { id: traderId }, data: { state: "error" } });

    const result = await activateVersion({
      userId,
      traderId,
      versionId: v1Id,
      kind: "rollback",
      reason: "Trades stopped matching",
    });

    expect(result).toMatchObject({
      version: { id: v1Id, version: 1 },
      fromVersionId: deployed.version.id,
      traderState: "running",
      groups: [{ id: group.id, status: "unresolved" }],
    });
    expect(await db.traderCodeVersion.count({ where: { traderId } })).toBe(2);
    const trader = await db.trader.findUniqueOrThrow({ where: { id: traderId } });
    expect(trader).toMatchObject({ activeVersionId: v1Id, state: "running" });
    const deployment = await db.deployment.findUniqueOrThrow({
      where: { id: result.deploymentId },
    });
    expect(deployment).toMatchObject({
      kind: "rollback",
      actorUserId: userId,
      fromVersionId: deployed.version.id,
      toVersionId: v1Id,
      groupId: group.id,
      reason: "Trades stopped matching",
      watchUntil: null,
    });
    const stored = await db.errorGroup.findUniqueOrThrow({ where: { id: group.id } });
    expect(stored.status).toBe("unresolved");
    const rolledBack = await db.groupActivity.findFirstOrThrow({
      where: { groupId: group.id, kind: "rolled_back" },
    });
    expect(rolledBack).toMatchObject({
      actorKind: "user",
      actorUserId: userId,
      fromStatus: "fix_deployed",
      toStatus: "unresolved",
      note: "Rolled back to version 1: Trades stopped matching",
    });
  });

  it("rolls forward again to the later version (any version of the trader)", async () => {
    const deployed = await deployCode({ userId, traderId, code: fixedCode("fwd"), source: "user" });
    await activateVersion({ userId, traderId, versionId: v1Id, kind: "rollback", reason: "back" });
    const forward = await activateVersion({
      userId,
      traderId,
      versionId: deployed.version.id,
      kind: "rollback",
      reason: "forward again",
    });
    expect(forward).toMatchObject({ version: { version: 2 }, fromVersionId: v1Id, groups: [] });
  });

  it("refuses the active version, another trader's version and another user's trader", async () => {
    const other = (await seedUser(db)).id;
    const otherTrader = await seedTrader(db, { userId: other });
    const sibling = await seedTrader(db, { userId });
    const reason = "test";

    await expect(
      activateVersion({ userId, traderId, versionId: v1Id, kind: "rollback", reason }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      activateVersion({
        userId,
        traderId,
        versionId: sibling.activeVersionId ?? "",
        kind: "rollback",
        reason,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      activateVersion({
        userId,
        traderId: otherTrader.id,
        versionId: otherTrader.activeVersionId ?? "",
        kind: "rollback",
        reason,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(
      await db.deployment.count({ where: { traderId: { in: [traderId, otherTrader.id] } } }),
    ).toBe(0);
  });
});

describe("version history", () => {
  it("lists versions newest first with source, author, the active one and their deployments", async () => {
    const userId = (await seedUser(db)).id;
    const trader = await seedTrader(db, { userId });
    const v1Id = trader.activeVersionId ?? "";
    const deployed = await deployCode({
      userId,
      traderId: trader.id,
      code: fixedCode("h"),
      source: "ai",
    });
    await activateVersion({
      userId,
      traderId: trader.id,
      versionId: v1Id,
      kind: "rollback",
      reason: "r",
    });

    const history = await listTraderVersions({ userId, traderId: trader.id });

    expect(history.trader).toMatchObject({ id: trader.id, activeVersionId: v1Id });
    expect(
      history.versions.map((version) => [version.version, version.source, version.isActive]),
    ).toEqual([
      [2, "ai", false],
      [1, "user", true],
    ]);
    expect(history.versions[0]).toMatchObject({
      author: { id: userId },
      parent: { id: v1Id, version: 1 },
      deployments: [{ id: deployed.deploymentId, kind: "deploy", fromVersion: { version: 1 } }],
    });
    expect(history.versions[1]?.deployments).toEqual([
      expect.objectContaining({
        kind: "rollback",
        reason: "r",
        actorUser: expect.objectContaining({ id: userId }),
      }),
    ]);
    const v2 = await getTraderVersion({
      userId,
      traderId: trader.id,
      versionId: deployed.version.id,
    });
    expect(v2).toMatchObject({ version: 2, code: fixedCode("h"), isActive: false });

    const stranger = (await seedUser(db)).id;
    await expect(
      listTraderVersions({ userId: stranger, traderId: trader.id }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      getTraderVersion({ userId: stranger, traderId: trader.id, versionId: v1Id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
