import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { checkDeploymentWatch } from "@/lib/deploy/check-deployment-watch";
import { deployCode } from "@/lib/deploy/deploy-code-version";
import { resolveWatchedGroups } from "@/lib/deploy/resolve-watched-groups";
import { ingestErrorEvents } from "@/lib/ingest/ingest-error-events";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";

const db = getDb();
const HOUR_MS = 60 * 60_000;

const FIXED_CODE = `export default function filter({ candles }) {
  if (candles.length < 2) return false;
  return candles[candles.length - 1].close > candles[candles.length - 2].close;
}
`;

type Watched = {
  userId: string;
  traderId: string;
  groupId: string;
  v1Id: string;
  v2Id: string;
  fingerprint: string;
  deploymentId: string;
};

// Events go through the real ingest statement, so the test also pins what it does
// to a group in fix_deployed (nothing: the watch decides).
async function reportError(
  watched: Pick<Watched, "userId" | "traderId" | "fingerprint">,
  codeVersionId?: string,
) {
  const [result] = await ingestErrorEvents({
    principal: { userId: watched.userId, traderId: watched.traderId, keyId: null },
    events: [
      {
        error_type: "runtime",
        error_message: "TypeError: Cannot read properties of undefined (reading 'close')",
        fingerprint: [watched.fingerprint],
        code_version_id: codeVersionId,
      },
    ],
  });
  if (!result) throw new Error("ingest answered nothing");
  return result;
}

// A trader whose v1 fails, an error group with a proposed fix, the fix deployed as v2.
async function seedWatchedFix({
  autoRollback,
  deployedAt,
}: {
  autoRollback: boolean;
  deployedAt?: Date;
}): Promise<Watched> {
  const userId = (await seedUser(db)).id;
  const trader = await seedTrader(db, { userId });
  await db.trader.update({ where: { id: trader.id }, data: { autoRollback } });
  const v1Id = trader.activeVersionId ?? "";
  const fingerprint = `watch-${randomUUID()}`;
  const first = await reportError({ userId, traderId: trader.id, fingerprint }, v1Id);
  await db.errorGroup.update({ where: { id: first.groupId }, data: { status: "fix_proposed" } });
  const deployed = await deployCode({
    userId,
    traderId: trader.id,
    code: FIXED_CODE,
    source: "ai",
    groupId: first.groupId,
    now: deployedAt,
  });
  return {
    userId,
    traderId: trader.id,
    groupId: first.groupId,
    v1Id,
    v2Id: deployed.version.id,
    fingerprint,
    deploymentId: deployed.deploymentId,
  };
}

const loadGroup = (groupId: string) => db.errorGroup.findUniqueOrThrow({ where: { id: groupId } });
const loadTrader = (traderId: string) => db.trader.findUniqueOrThrow({ where: { id: traderId } });
const regressionNotices = (groupId: string) =>
  db.notification.findMany({ where: { groupId, kind: "regression" } });

describe("deployment watch window", () => {
  it("rolls back automatically when the error recurs on the new version, notifies and regresses", async () => {
    const watched = await seedWatchedFix({ autoRollback: true });
    const recurrence = await reportError(watched, watched.v2Id);
    expect(recurrence.groupStatus).toBe("fix_deployed");

    const outcome = await checkDeploymentWatch({ groupId: watched.groupId });

    expect(outcome).toMatchObject({ result: "rolled_back", version: 2, rolledBackTo: 1 });
    const trader = await loadTrader(watched.traderId);
    expect(trader).toMatchObject({ activeVersionId: watched.v1Id, state: "running" });
    const rollbacks = await db.deployment.findMany({
      where: { traderId: watched.traderId, kind: "auto_rollback" },
    });
    expect(rollbacks).toEqual([
      expect.objectContaining({
        actorUserId: null,
        fromVersionId: watched.v2Id,
        toVersionId: watched.v1Id,
        groupId: watched.groupId,
        reason: "recurred on version 2",
      }),
    ]);
    const group = await loadGroup(watched.groupId);
    expect(group).toMatchObject({ status: "regressed", regressionCount: 1, resolvedAt: null });
    expect(group.regressedAt).not.toBeNull();
    const activity = await db.groupActivity.findFirstOrThrow({
      where: { groupId: watched.groupId, kind: "rolled_back" },
    });
    expect(activity).toMatchObject({
      actorKind: "system",
      fromStatus: "fix_deployed",
      toStatus: "regressed",
      note: "Automatically rolled back to version 1: recurred on version 2",
    });
    const notices = await regressionNotices(watched.groupId);
    expect(notices).toEqual([
      expect.objectContaining({
        userId: watched.userId,
        traderId: watched.traderId,
        title: expect.stringMatching(/^Rolled back to version 1: /),
        data: expect.objectContaining({
          autoRollback: true,
          recurredOn: 2,
          rollbackDeploymentId: rollbacks[0]?.id,
        }),
      }),
    ]);
    const delivery = await db.job.count({
      where: { dedupeKey: `notification.deliver:${notices[0]?.id}` },
    });
    expect(delivery).toBe(1);

    // Judged once: running the job again changes nothing.
    expect(await checkDeploymentWatch({ groupId: watched.groupId })).toEqual({
      result: "not_watching",
    });
    expect(await regressionNotices(watched.groupId)).toHaveLength(1);
  });

  it("only regresses (and notifies) without auto-rollback: the new version stays active", async () => {
    const watched = await seedWatchedFix({ autoRollback: false });
    await reportError(watched, watched.v2Id);

    const outcome = await checkDeploymentWatch({ groupId: watched.groupId });

    expect(outcome).toEqual({ result: "regressed", version: 2 });
    expect((await loadTrader(watched.traderId)).activeVersionId).toBe(watched.v2Id);
    expect(
      await db.deployment.count({ where: { traderId: watched.traderId, kind: "auto_rollback" } }),
    ).toBe(0);
    const group = await loadGroup(watched.groupId);
    expect(group).toMatchObject({ status: "regressed", regressionCount: 1 });
    const activity = await db.groupActivity.findFirstOrThrow({
      where: { groupId: watched.groupId, kind: "regressed" },
    });
    expect(activity).toMatchObject({
      actorKind: "system",
      fromStatus: "fix_deployed",
      toStatus: "regressed",
      note: "Recurred on version 2",
    });
    const notices = await regressionNotices(watched.groupId);
    expect(notices).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Regression: /),
        data: expect.objectContaining({ autoRollback: false }),
      }),
    ]);
  });

  it("keeps watching while only the old version reports the error", async () => {
    const watched = await seedWatchedFix({ autoRollback: true });
    await reportError(watched, watched.v1Id);

    const outcome = await checkDeploymentWatch({ groupId: watched.groupId });

    expect(outcome.result).toBe("watching");
    expect((await loadGroup(watched.groupId)).status).toBe("fix_deployed");
    expect((await loadTrader(watched.traderId)).activeVersionId).toBe(watched.v2Id);
    expect(await regressionNotices(watched.groupId)).toHaveLength(0);
  });

  it("resolves a group whose window passed clean, by the fixed version, and leaves open windows alone", async () => {
    const ended = await seedWatchedFix({
      autoRollback: true,
      deployedAt: new Date(Date.now() - 2 * HOUR_MS),
    });
    await reportError(ended, ended.v1Id);
    const open = await seedWatchedFix({ autoRollback: true });

    const summary = await resolveWatchedGroups();

    expect(summary.resolved).toBeGreaterThanOrEqual(1);
    const group = await loadGroup(ended.groupId);
    expect(group).toMatchObject({ status: "resolved", resolvedInVersionId: ended.v2Id });
    expect(group.resolvedAt).not.toBeNull();
    const activity = await db.groupActivity.findFirstOrThrow({
      where: { groupId: ended.groupId, toStatus: "resolved" },
    });
    expect(activity).toMatchObject({
      kind: "status_changed",
      actorKind: "system",
      fromStatus: "fix_deployed",
      note: "Resolved by version 2",
    });
    expect((await loadGroup(open.groupId)).status).toBe("fix_deployed");
    expect(await regressionNotices(ended.groupId)).toHaveLength(0);
  });

  it("does not roll back for a recurrence reported after the window, but regresses", async () => {
    const watched = await seedWatchedFix({
      autoRollback: true,
      deployedAt: new Date(Date.now() - 2 * HOUR_MS),
    });
    await reportError(watched, watched.v2Id);

    expect(await checkDeploymentWatch({ groupId: watched.groupId })).toEqual({
      result: "regressed",
      version: 2,
    });
    expect((await loadTrader(watched.traderId)).activeVersionId).toBe(watched.v2Id);
  });

  it("does not resolve a window in which events without a code version kept arriving", async () => {
    const watched = await seedWatchedFix({ autoRollback: true });
    await reportError(watched);

    expect((await checkDeploymentWatch({ groupId: watched.groupId })).result).toBe("watching");
    const afterWindow = new Date(Date.now() + 2 * HOUR_MS);
    expect(await checkDeploymentWatch({ groupId: watched.groupId, now: afterWindow })).toEqual({
      result: "regressed",
      version: null,
    });
    expect((await loadTrader(watched.traderId)).activeVersionId).toBe(watched.v2Id);
    expect((await loadGroup(watched.groupId)).status).toBe("regressed");
  });

  it("leaves groups that are not watched alone", async () => {
    expect(await checkDeploymentWatch({ groupId: randomUUID() })).toEqual({
      result: "not_watching",
    });
    expect(await checkDeploymentWatch({ groupId: "nope" })).toEqual({ result: "not_watching" });
  });
});
