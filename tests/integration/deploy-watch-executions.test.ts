import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { checkDeploymentWatch } from "@/lib/deploy/check-deployment-watch";
import { deployCode } from "@/lib/deploy/deploy-code-version";
import { resolveWatchedGroups } from "@/lib/deploy/resolve-watched-groups";
import { reportRunProcessedSchema } from "@/lib/workflows/workflow-schemas";
import { seedTrader } from "@/tests/factories/seed-trader";
import {
  candle,
  createSchedule,
  type Executor,
  errorReport,
  reportRun,
  seedExecutor,
} from "@/tests/integration/workflow-support";

// The watch of a deployed fix also ends after the user's count of clean scheduled runs.
// Runs go through the executor route handlers (real Requests with an API key), errors
// through them into ingestion, exactly as an executor reports them.

const db = getDb();

const FIXED_CODE = `export default function filter({ candles }) {
  if (candles.length < 2) return false;
  return candles[candles.length - 1].close > candles[candles.length - 2].close;
}
`;

type Watched = Executor & {
  groupId: string;
  fingerprint: string;
  scheduleIds: [string, string];
  v1Id: string;
  v2Id: string;
};

// Each schedule numbers its own candles, so every report is a new run.
const nextMinute = new Map<string, number>();
const takeMinute = (scheduleId: string) => {
  const minute = nextMinute.get(scheduleId) ?? 0;
  nextMinute.set(scheduleId, minute + 1);
  return minute;
};

async function reportOk(
  token: string,
  scheduleId: string,
  times = 1,
  codeVersionId?: string,
): Promise<string | null> {
  let storedVersionId: string | null = null;
  for (let index = 0; index < times; index++) {
    const response = await reportRun(token, scheduleId, {
      candle_time: candle(takeMinute(scheduleId)),
      outcome: "ok",
      ...(codeVersionId ? { code_version_id: codeVersionId } : {}),
    });
    expect(response.status).toBe(201);
    storedVersionId = reportRunProcessedSchema.parse(await response.json()).run.code_version_id;
  }
  return storedVersionId;
}

// Alternates between the trader's two schedules: the count is per trader.
async function reportCleanRuns(watched: Watched, times: number) {
  for (let index = 0; index < times; index++) {
    await reportOk(watched.token, watched.scheduleIds[index % 2] ?? "");
  }
}

async function reportFailingRun(
  watched: Pick<Watched, "token"> & { scheduleId: string },
  { fingerprint, codeVersionId }: { fingerprint: string; codeVersionId: string },
) {
  const response = await reportRun(
    watched.token,
    watched.scheduleId,
    errorReport(takeMinute(watched.scheduleId), {
      fingerprint: [fingerprint],
      code_version_id: codeVersionId,
    }),
  );
  expect(response.status).toBe(201);
  const body = reportRunProcessedSchema.parse(await response.json());
  if (!body.error) throw new Error("the failing run stored no error");
  return body.error.group_id;
}

// A trader with two schedules whose v1 fails on a scheduled run, the error group's fix
// deployed as v2 (watched for the default 60 minutes), with the user's settings.
async function seedWatchedFix({
  autoRollback = true,
  watchExecutions,
}: {
  autoRollback?: boolean;
  watchExecutions?: number;
} = {}): Promise<Watched> {
  const executor = await seedExecutor();
  if (watchExecutions !== undefined) {
    await db.aiSettings.create({ data: { userId: executor.userId, watchExecutions } });
  }
  const trader = await db.trader.update({
    where: { id: executor.traderId },
    data: { autoRollback },
    select: { activeVersionId: true },
  });
  const v1Id = trader.activeVersionId ?? "";
  const scheduleIds: [string, string] = [
    (await createSchedule(executor)).id,
    (await createSchedule(executor, { symbol: "ETHUSDT" })).id,
  ];
  // Clean runs before the deploy are the old version's: they must not count.
  await reportOk(executor.token, scheduleIds[0], 3);
  const fingerprint = `watch-runs-${randomUUID()}`;
  const groupId = await reportFailingRun(
    { token: executor.token, scheduleId: scheduleIds[0] },
    { fingerprint, codeVersionId: v1Id },
  );
  await db.errorGroup.update({ where: { id: groupId }, data: { status: "fix_proposed" } });
  const deployed = await deployCode({
    userId: executor.userId,
    traderId: executor.traderId,
    code: FIXED_CODE,
    source: "ai",
    groupId,
  });
  return {
    ...executor,
    groupId,
    fingerprint,
    scheduleIds,
    v1Id,
    v2Id: deployed.version.id,
  };
}

const loadGroup = (groupId: string) => db.errorGroup.findUniqueOrThrow({ where: { id: groupId } });
const loadTrader = (traderId: string) => db.trader.findUniqueOrThrow({ where: { id: traderId } });
const loadWatchUntil = async (groupId: string) =>
  (
    await db.deployment.findFirstOrThrow({
      where: { groupId, kind: "deploy" },
      select: { watchUntil: true },
    })
  ).watchUntil;

describe("deploy watch ended by clean executions", () => {
  it("keeps watching after N-1 clean runs (the default N is 20), runs of the old version, other errors and other traders not counted", async () => {
    const watched = await seedWatchedFix();
    // Another error on the new version: the filter may have stopped before the fixed code.
    await reportFailingRun(
      { token: watched.token, scheduleId: watched.scheduleIds[1] },
      { fingerprint: `other-${randomUUID()}`, codeVersionId: watched.v2Id },
    );
    // The same user's other trader runs clean: its runs say nothing about this fix.
    const otherTrader = await seedTrader(db, { userId: watched.userId });
    const otherSchedule = await createSchedule(watched, { trader_id: otherTrader.id });
    await reportOk(watched.token, otherSchedule.id, 5);
    await reportCleanRuns(watched, 19);

    const outcome = await checkDeploymentWatch({ groupId: watched.groupId });

    expect(outcome).toMatchObject({
      result: "watching",
      cleanExecutions: 19,
      executionsNeeded: 20,
    });
    await resolveWatchedGroups();
    expect((await loadGroup(watched.groupId)).status).toBe("fix_deployed");
  });

  it("counts clean runs of the fixed version and runs that name none, not the old version's reported after the deploy", async () => {
    const watched = await seedWatchedFix({ watchExecutions: 3 });
    const [first, second] = watched.scheduleIds;
    // Executors pick the fix up on their next poll: until then they run v1 cleanly.
    expect(await reportOk(watched.token, first, 5, watched.v1Id)).toBe(watched.v1Id);
    expect(await checkDeploymentWatch({ groupId: watched.groupId })).toMatchObject({
      result: "watching",
      cleanExecutions: 0,
    });
    await resolveWatchedGroups();
    expect((await loadGroup(watched.groupId)).status).toBe("fix_deployed");

    expect(await reportOk(watched.token, second, 1, watched.v2Id)).toBe(watched.v2Id);
    expect(await reportOk(watched.token, first, 1)).toBeNull();
    // Another trader's version id is not this run's version: stored as none.
    const otherTrader = await seedTrader(db, { userId: watched.userId });
    const foreignVersionId = otherTrader.activeVersionId ?? "";
    expect(foreignVersionId).not.toBe("");
    expect(await reportOk(watched.token, second, 1, foreignVersionId)).toBeNull();
    expect(
      await db.workflowRun.count({
        where: { scheduleId: { in: watched.scheduleIds }, codeVersionId: watched.v1Id },
      }),
    ).toBe(5);

    const summary = await resolveWatchedGroups();
    expect(summary.resolved).toBeGreaterThanOrEqual(1);
    expect(await loadGroup(watched.groupId)).toMatchObject({
      status: "resolved",
      resolvedInVersionId: watched.v2Id,
    });
  });

  it("resolves the group by the fixed version at the Nth clean run, before watch_until (the sweep)", async () => {
    const watched = await seedWatchedFix();
    await reportCleanRuns(watched, 19);
    await resolveWatchedGroups();
    expect((await loadGroup(watched.groupId)).status).toBe("fix_deployed");

    await reportCleanRuns(watched, 1);
    const summary = await resolveWatchedGroups();

    expect(summary.resolved).toBeGreaterThanOrEqual(1);
    const watchUntil = await loadWatchUntil(watched.groupId);
    expect(watchUntil?.getTime()).toBeGreaterThan(Date.now());
    const group = await loadGroup(watched.groupId);
    expect(group).toMatchObject({ status: "resolved", resolvedInVersionId: watched.v2Id });
    expect(group.resolvedAt?.getTime()).toBeLessThan(watchUntil?.getTime() ?? 0);
    const activity = await db.groupActivity.findFirstOrThrow({
      where: { groupId: watched.groupId, toStatus: "resolved" },
    });
    expect(activity).toMatchObject({
      kind: "status_changed",
      actorKind: "system",
      fromStatus: "fix_deployed",
      note: "Resolved by version 2 after 20 clean executions",
    });
    expect(
      await db.notification.count({ where: { groupId: watched.groupId, kind: "regression" } }),
    ).toBe(0);
    expect((await loadTrader(watched.traderId)).activeVersionId).toBe(watched.v2Id);
  });

  it("says the clean executions ended the window, with the user's own N", async () => {
    const watched = await seedWatchedFix({ watchExecutions: 3 });
    await reportCleanRuns(watched, 2);
    expect(await checkDeploymentWatch({ groupId: watched.groupId })).toMatchObject({
      result: "watching",
      cleanExecutions: 2,
      executionsNeeded: 3,
    });

    await reportCleanRuns(watched, 1);

    expect(await checkDeploymentWatch({ groupId: watched.groupId })).toEqual({
      result: "resolved",
      version: 2,
      cleanExecutions: 3,
    });
    expect(await loadGroup(watched.groupId)).toMatchObject({
      status: "resolved",
      resolvedInVersionId: watched.v2Id,
    });
  });

  it("rolls back automatically on a recurrence before the Nth clean run, as before", async () => {
    const watched = await seedWatchedFix({ watchExecutions: 3 });
    await reportCleanRuns(watched, 2);
    await reportFailingRun(
      { token: watched.token, scheduleId: watched.scheduleIds[1] },
      { fingerprint: watched.fingerprint, codeVersionId: watched.v2Id },
    );
    // Ingestion queued the deploy.watch job; the next clean run must not hide the recurrence.
    expect(
      await db.job.count({
        where: { kind: "deploy.watch", payload: { equals: { groupId: watched.groupId } } },
      }),
    ).toBeGreaterThanOrEqual(1);
    await reportCleanRuns(watched, 1);

    const outcome = await checkDeploymentWatch({ groupId: watched.groupId });

    expect(outcome).toMatchObject({ result: "rolled_back", version: 2, rolledBackTo: 1 });
    expect((await loadTrader(watched.traderId)).activeVersionId).toBe(watched.v1Id);
    expect(await loadGroup(watched.groupId)).toMatchObject({
      status: "regressed",
      regressionCount: 1,
    });
    const notices = await db.notification.findMany({
      where: { groupId: watched.groupId, kind: "regression" },
    });
    expect(notices).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ autoRollback: true }) }),
    ]);
  });

  it("regresses without rollback when auto-rollback is off", async () => {
    const watched = await seedWatchedFix({ autoRollback: false, watchExecutions: 3 });
    await reportCleanRuns(watched, 1);
    await reportFailingRun(
      { token: watched.token, scheduleId: watched.scheduleIds[0] },
      { fingerprint: watched.fingerprint, codeVersionId: watched.v2Id },
    );

    expect(await checkDeploymentWatch({ groupId: watched.groupId })).toEqual({
      result: "regressed",
      version: 2,
    });
    expect((await loadTrader(watched.traderId)).activeVersionId).toBe(watched.v2Id);
  });

  it("only regresses for a recurrence after the Nth clean run: that window had ended", async () => {
    const watched = await seedWatchedFix({ watchExecutions: 3 });
    await reportCleanRuns(watched, 3);
    // The recurrence arrives before the sweep judged the window.
    await reportFailingRun(
      { token: watched.token, scheduleId: watched.scheduleIds[0] },
      { fingerprint: watched.fingerprint, codeVersionId: watched.v2Id },
    );

    expect(await checkDeploymentWatch({ groupId: watched.groupId })).toEqual({
      result: "regressed",
      version: 2,
    });
    expect((await loadTrader(watched.traderId)).activeVersionId).toBe(watched.v2Id);
    expect(
      await db.deployment.count({ where: { traderId: watched.traderId, kind: "auto_rollback" } }),
    ).toBe(0);
  });

  it("leaves only the minutes when the setting is 0", async () => {
    const watched = await seedWatchedFix({ watchExecutions: 0 });
    await reportCleanRuns(watched, 25);

    expect(await checkDeploymentWatch({ groupId: watched.groupId })).toMatchObject({
      result: "watching",
      cleanExecutions: 0,
      executionsNeeded: null,
    });
    await resolveWatchedGroups();
    expect((await loadGroup(watched.groupId)).status).toBe("fix_deployed");
  });
});
