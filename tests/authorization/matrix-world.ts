// The seeded world the authorization matrix runs against: user A (who owns every
// resource a cell targets), user B, an admin, and their credentials. Each cell gets
// a fresh set of A's resources, so a cell that mutates (deploy, revoke, resolve…)
// cannot change what a later cell sees.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { deployCode } from "@/lib/deploy/deploy-code-version";
import { listGroupEventsPage } from "@/lib/errors/query/list-group-events-page";
import { createSchedule } from "@/lib/workflows/create-schedule";
import { stopSchedule } from "@/lib/workflows/stop-schedule";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { SIMPLE_FILTER_CODE, seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { uniqueSuffix } from "@/tests/factories/unique";
import { createSessionCookie } from "@/tests/support/session-request-scope";

export type Principal = "anonymous" | "executorKeyA" | "traderA" | "traderB" | "admin";
// Credentials only some endpoints accept; cells for them are listed per entry.
export type SpecialCredential = "adminKey" | "cronSecret" | "metricsToken" | "dsnA";
export type Credential = Principal | SpecialCredential;

export const SPECIAL_CREDENTIALS: readonly SpecialCredential[] = [
  "adminKey",
  "cronSecret",
  "metricsToken",
  "dsnA",
];

export const PRINCIPALS: readonly Principal[] = [
  "anonymous",
  "executorKeyA",
  "traderA",
  "traderB",
  "admin",
];

export type MatrixSecrets = { cronSecret: string; metricsToken: string };

export type MatrixWorld = {
  userA: { id: string };
  // Appears in the names of A's resources: a 2xx answer to anyone but A that
  // contains it leaked A's data.
  markerA: string;
  headers: Record<Exclude<Credential, "dsnA">, Record<string, string>>;
};

// One cell's resources, all owned by user A.
export type OwnedResources = {
  userId: string;
  traderId: string;
  projectId: number;
  dsnPublicKey: string;
  firstVersionId: string;
  groupId: string;
  eventCursor: string;
  attemptId: string;
  scheduleId: string;
  stoppedScheduleId: string;
  notificationId: string;
  apiKeyId: string;
  systemErrorId: string;
};

// Fails on the three candles the event recorded; the fixes below guard it.
export const FAILING_CODE = `export default function filter({ candles }) {
  return candles[5].close > candles[0].close;
}
`;
export const GUARDED_CODE = `export default function filter({ candles }) {
  if (candles.length < 6) return false;
  return candles[5].close > candles[0].close;
}
`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function seedMatrixWorld(secrets: MatrixSecrets): Promise<MatrixWorld> {
  const db = getDb();
  const [userA, userB, admin] = await Promise.all([
    seedUser(db),
    seedUser(db),
    seedUser(db, { role: "admin" }),
  ]);
  // User-wide, as the settings page makes them: it may run every trader of A's.
  const executorKeyA = await seedApiKey(db, { userId: userA.id });
  const adminKey = await seedApiKey(db, { userId: admin.id, scope: "admin" });
  return {
    userA: { id: userA.id },
    markerA: `owned-by-a-${uniqueSuffix()}`,
    headers: {
      anonymous: {},
      executorKeyA: bearer(executorKeyA.token),
      traderA: { cookie: await createSessionCookie(userA) },
      traderB: { cookie: await createSessionCookie(userB) },
      admin: { cookie: await createSessionCookie(admin) },
      adminKey: bearer(adminKey.token),
      cronSecret: bearer(secrets.cronSecret),
      metricsToken: bearer(secrets.metricsToken),
    },
  };
}

export function credentialHeaders(
  world: MatrixWorld,
  credential: Credential,
  owned: OwnedResources,
): Record<string, string> {
  // The DSN key belongs to one trader, so it comes with the cell's resources.
  if (credential === "dsnA") {
    return { "x-sentry-auth": `Sentry sentry_key=${owned.dsnPublicKey}, sentry_version=7` };
  }
  return world.headers[credential];
}

async function seedGroupWithEvents(world: MatrixWorld, traderId: string): Promise<string> {
  const db = getDb();
  const userId = world.userA.id;
  const seenAt = new Date("2026-11-20T09:15:00.000Z");
  const title = `TypeError: Cannot read properties of undefined (reading 'close') ${world.markerA}`;
  const group = await seedErrorGroup(db, { userId, traderId, title, eventCount: 2, seenAt });
  const candles = [1, 2, 3].map((minute) => ({
    time: new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString(),
    open: 100,
    high: 101,
    low: 99,
    close: 100 + minute,
    volume: 10,
  }));
  await db.errorEvent.createMany({
    data: [0, 1].map((index) => ({
      userId,
      traderId,
      groupId: group.id,
      idempotencyKey: randomUUID(),
      payloadHash: randomUUID(),
      errorType: "runtime" as const,
      errorMessage: title,
      context: { symbol: "BTCUSDT", interval: "5m", params: {}, candles },
      errorHash: randomUUID().slice(0, 12),
      occurredAt: new Date(seenAt.getTime() - index * 60_000),
    })),
  });
  return group.id;
}

export async function seedOwnedResources(world: MatrixWorld): Promise<OwnedResources> {
  const db = getDb();
  const userId = world.userA.id;
  const trader = await seedTrader(db, {
    userId,
    name: `Trader ${world.markerA} ${uniqueSuffix()}`,
    code: FAILING_CODE,
  });
  // Version 2 is active, so a rollback to version 1 has somewhere to go.
  await deployCode({ userId, traderId: trader.id, code: SIMPLE_FILTER_CODE, source: "user" });
  const groupId = await seedGroupWithEvents(world, trader.id);
  const page = await listGroupEventsPage({ groupId, userId, limit: 1 });
  if (!page.nextCursor) throw new Error("the matrix group needs a second page of events");
  const attempt = await db.regenerationAttempt.create({
    data: {
      userId,
      traderId: trader.id,
      groupId,
      trigger: "manual",
      status: "proposed",
      proposedCode: GUARDED_CODE,
      // Before the cooldown, so a new fix may be proposed for the same group.
      createdAt: new Date(Date.now() - 24 * 60 * 60 * 1000),
    },
    select: { id: true },
  });
  const scope = { userId, keyTraderId: null };
  const scheduleInput = {
    workflow_type: "signal_monitoring" as const,
    trader_id: trader.id,
    symbol: "BTCUSDT",
    interval: "1m",
  };
  const [active, stopped] = await Promise.all(
    ["active", "stopped"].map((state) =>
      createSchedule({
        scope,
        input: { ...scheduleInput, entity_id: `${state}-${uniqueSuffix()}` },
      }),
    ),
  );
  if (!active || !stopped) throw new Error("the matrix schedules were not created");
  await stopSchedule({ scope, scheduleId: stopped.schedule.id, reason: "matrix fixture" });
  const notification = await db.notification.create({
    data: { userId, kind: "new_group", title: `New error ${world.markerA}`, groupId },
    select: { id: true },
  });
  const apiKey = await seedApiKey(db, { userId, name: `Key ${world.markerA}` });
  const systemError = await db.systemError.create({
    data: { errorType: "matrix_probe", severity: "low", component: "jobs", message: "probe" },
    select: { id: true },
  });
  return {
    userId: world.userA.id,
    traderId: trader.id,
    projectId: trader.projectId,
    dsnPublicKey: trader.dsnPublicKey,
    firstVersionId: trader.activeVersionId ?? "",
    groupId,
    eventCursor: page.nextCursor,
    attemptId: attempt.id,
    scheduleId: active.schedule.id,
    stoppedScheduleId: stopped.schedule.id,
    notificationId: notification.id,
    apiKeyId: apiKey.key.id,
    systemErrorId: systemError.id,
  };
}
