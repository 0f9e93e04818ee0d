// The authorization matrix: every route handler method and every server action, with
// the outcome each principal must get when it targets resources owned by user A.
// tests/integration/authorization-matrix.test.ts runs every cell and fails when an
// endpoint exists that is neither listed here nor excluded with a reason.
//
// Principals (tests/authorization/matrix-world.ts): anonymous (no credentials),
// executorKeyA (A's user-wide executor API key as a bearer token), traderA / traderB
// (real next-auth session cookies of A and of another trader), admin (an admin's
// session). Entries may add cells for credentials only they accept (admin API key,
// CRON_SECRET, METRICS_TOKEN, A's trader DSN key).
// Route outcomes are HTTP statuses; action outcomes are ActionResult codes ("ok" or
// the error code). A 2xx answer to anyone but A that contains A's data is reported
// as "<outcome>+leak" and never expected.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import {
  GUARDED_CODE,
  type OwnedResources,
  type Principal,
  type SpecialCredential,
} from "@/tests/authorization/matrix-world";

export type RouteCall = {
  path: string;
  params?: Record<string, string | string[]>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

export type RouteEntry = {
  expect: Record<Principal, number>;
  also?: Partial<Record<SpecialCredential, number>>;
  call: (owned: OwnedResources) => RouteCall;
  // Answers a stream that does not end by itself: the cell reads the status, then aborts.
  isStreaming?: boolean;
};

export type ActionOutcome = string;

export type ActionEntry = {
  expect: Record<Principal, ActionOutcome>;
  input: (owned: OwnedResources) => unknown;
  // Puts A's fresh resources in the state the action acts on, before the cell runs.
  prepare?: (owned: OwnedResources) => Promise<void>;
  // Bulk actions answer ok with per-item failures; this names the outcome for the caller.
  readOutcome?: (data: unknown) => ActionOutcome | undefined;
};

// --- Route expectations by wrapper --------------------------------------------------

// withUser on A's resource: A by session or key; everyone else sees nothing there.
const ownedByUser = { anonymous: 401, executorKeyA: 200, traderA: 200, traderB: 404, admin: 404 };
// withUser listing the caller's own rows: any signed-in caller gets their own (empty) list.
const listedForCaller = {
  anonymous: 401,
  executorKeyA: 200,
  traderA: 200,
  traderB: 200,
  admin: 200,
};
// withApiKey: sessions are not credentials for the executor API.
const executorOnly = (status: number) => ({
  anonymous: 401,
  executorKeyA: status,
  traderA: 401,
  traderB: 401,
  admin: 401,
});
// withAdminOrAdminKey: 404 to every authenticated non-admin, so the endpoint stays hidden.
const adminOnly = { anonymous: 401, executorKeyA: 404, traderA: 404, traderB: 404, admin: 200 };
// withSession on the caller's own data: API keys are not sessions.
const sessionOnly = (status: number) => ({
  anonymous: 401,
  executorKeyA: 401,
  traderA: status,
  traderB: status,
  admin: status,
});
const everyone = (status: number) => ({
  anonymous: status,
  executorKeyA: status,
  traderA: status,
  traderB: status,
  admin: status,
});

function sentryEnvelope(): string {
  const eventId = randomUUID().replaceAll("-", "");
  return [
    JSON.stringify({ event_id: eventId, sent_at: new Date().toISOString() }),
    JSON.stringify({ type: "event" }),
    JSON.stringify({
      event_id: eventId,
      platform: "python",
      level: "error",
      timestamp: "2026-11-20T09:05:00Z",
      exception: { values: [{ type: "ZeroDivisionError", value: "division by zero" }] },
    }),
  ].join("\n");
}

// CRON_SECRET is set: no session or API key is a cron secret.
const cronEntry = (path: string): RouteEntry => ({
  expect: everyone(401),
  also: { cronSecret: 200 },
  call: () => ({ path }),
});

export const routeMatrix: Record<string, RouteEntry> = {
  "POST /api/:projectId/envelope": {
    // The DSN key is the only credential: sessions and API keys do not ingest events.
    expect: everyone(401),
    also: { dsnA: 200 },
    call: (owned) => ({
      path: `/api/${owned.projectId}/envelope/`,
      params: { projectId: String(owned.projectId) },
      rawBody: sentryEnvelope(),
      headers: { "content-type": "application/x-sentry-envelope" },
    }),
  },
  "GET /api/admin/system-errors": {
    expect: adminOnly,
    also: { adminKey: 200 },
    call: () => ({ path: "/api/admin/system-errors" }),
  },
  "GET /api/admin/system-errors/stats": {
    expect: adminOnly,
    also: { adminKey: 200 },
    call: () => ({ path: "/api/admin/system-errors/stats" }),
  },
  "POST /api/admin/system-errors/:id/resolve": {
    expect: adminOnly,
    also: { adminKey: 200 },
    call: (owned) => ({
      path: `/api/admin/system-errors/${owned.systemErrorId}/resolve`,
      params: { id: owned.systemErrorId },
      body: { resolution_notes: "matrix" },
    }),
  },
  "GET /api/cron/digest": cronEntry("/api/cron/digest"),
  "POST /api/cron/digest": cronEntry("/api/cron/digest"),
  "GET /api/cron/jobs": cronEntry("/api/cron/jobs"),
  "POST /api/cron/jobs": cronEntry("/api/cron/jobs"),
  "GET /api/cron/regeneration": cronEntry("/api/cron/regeneration"),
  "POST /api/cron/regeneration": cronEntry("/api/cron/regeneration"),
  "GET /api/cron/retention": cronEntry("/api/cron/retention"),
  "POST /api/cron/retention": cronEntry("/api/cron/retention"),
  "GET /api/errors": {
    expect: listedForCaller,
    call: () => ({ path: "/api/errors" }),
  },
  "POST /api/errors": {
    expect: executorOnly(201),
    call: (owned) => ({
      path: "/api/errors",
      body: {
        trader_id: owned.traderId,
        error_type: "runtime",
        error_message: `TypeError: matrix ${randomUUID()}`,
      },
    }),
  },
  "GET /api/errors/:id": {
    expect: ownedByUser,
    call: (owned) => ({ path: `/api/errors/${owned.groupId}`, params: { id: owned.groupId } }),
  },
  "PATCH /api/errors/:id": {
    expect: ownedByUser,
    call: (owned) => ({
      path: `/api/errors/${owned.groupId}`,
      params: { id: owned.groupId },
      body: { status: "resolved" },
    }),
  },
  "GET /api/errors/:id/events": {
    expect: ownedByUser,
    call: (owned) => ({
      path: `/api/errors/${owned.groupId}/events`,
      params: { id: owned.groupId },
    }),
  },
  "POST /api/errors/:id/preview": {
    expect: ownedByUser,
    isStreaming: true,
    call: (owned) => ({
      path: `/api/errors/${owned.groupId}/preview`,
      params: { id: owned.groupId },
      body: { code: GUARDED_CODE },
    }),
  },
  "GET /api/executor/schedules": {
    expect: executorOnly(200),
    call: () => ({ path: "/api/executor/schedules" }),
  },
  "POST /api/executor/schedules": {
    expect: executorOnly(201),
    call: (owned) => ({
      path: "/api/executor/schedules",
      body: {
        workflow_type: "signal_monitoring",
        entity_id: `matrix-${randomUUID()}`,
        trader_id: owned.traderId,
        symbol: "BTCUSDT",
        interval: "1m",
      },
    }),
  },
  "POST /api/executor/schedules/:id/runs": {
    expect: executorOnly(201),
    call: (owned) => ({
      path: `/api/executor/schedules/${owned.scheduleId}/runs`,
      params: { id: owned.scheduleId },
      body: { candle_time: "2026-11-24T00:01:00.000Z", outcome: "ok" },
    }),
  },
  "POST /api/executor/schedules/:id/stop": {
    expect: executorOnly(200),
    call: (owned) => ({
      path: `/api/executor/schedules/${owned.scheduleId}/stop`,
      params: { id: owned.scheduleId },
      body: { reason: "matrix" },
    }),
  },
  "GET /api/executor/traders": {
    expect: executorOnly(200),
    call: () => ({ path: "/api/executor/traders" }),
  },
  "GET /api/executor/traders/:id/code": {
    expect: executorOnly(200),
    call: (owned) => ({
      path: `/api/executor/traders/${owned.traderId}/code`,
      params: { id: owned.traderId },
    }),
  },
  "GET /api/health": { expect: everyone(200), call: () => ({ path: "/api/health" }) },
  "GET /api/health/live": { expect: everyone(200), call: () => ({ path: "/api/health/live" }) },
  "GET /health": { expect: everyone(200), call: () => ({ path: "/health" }) },
  "GET /api/metrics": {
    // METRICS_TOKEN is set: only the scraper's token reads metrics.
    expect: everyone(401),
    also: { metricsToken: 200 },
    call: () => ({ path: "/api/metrics" }),
  },
  "GET /api/notifications": {
    expect: sessionOnly(200),
    call: () => ({ path: "/api/notifications" }),
  },
  "GET /api/openapi.json": { expect: everyone(200), call: () => ({ path: "/api/openapi.json" }) },
  "POST /api/realtime/pusher-auth": {
    // Pusher is not configured here (the built-in driver serves /api/realtime/stream), so
    // signed-in callers get 404 before the channel is read. Signing only the caller's own
    // channel (403 for A's channel asked by B) is covered in realtime-pusher.test.ts.
    expect: sessionOnly(404),
    call: () => ({
      path: "/api/realtime/pusher-auth",
      rawBody: "socket_id=1234.5678&channel_name=private-user-a",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
  },
  "GET /api/realtime/stream": {
    // Each signed-in caller subscribes to their own events only (no channel parameter).
    expect: sessionOnly(200),
    isStreaming: true,
    call: () => ({ path: "/api/realtime/stream" }),
  },
};

// Listed by discovery but not run as cells, each with the reason.
export const excludedRoutes: Record<string, string> = {
  "GET /api/auth/*nextauth":
    "next-auth's own sign-in, callback, CSRF and session endpoints: public by design, and they " +
    "establish the session the other cells use (covered by magic-link-email.test.ts and e2e sign-in).",
  "POST /api/auth/*nextauth": "next-auth's own endpoints, as GET /api/auth/*nextauth.",
};

// --- Action expectations -------------------------------------------------------------

// userAction on A's resource: no session → unauthorized (an API key is not a session);
// anyone else's session → not_found, as if the resource did not exist.
const ownedAction = {
  anonymous: "unauthorized",
  executorKeyA: "unauthorized",
  traderA: "ok",
  traderB: "not_found",
  admin: "not_found",
};
// adminAction: the admin surface is hidden from everyone else.
const adminOnlyAction = {
  anonymous: "unauthorized",
  executorKeyA: "unauthorized",
  traderA: "not_found",
  traderB: "not_found",
  admin: "ok",
};
// userAction on the caller's own settings or inbox: any session may.
const selfAction = {
  anonymous: "unauthorized",
  executorKeyA: "unauthorized",
  traderA: "ok",
  traderB: "ok",
  admin: "ok",
};

function readBulkOutcome(data: unknown): ActionOutcome | undefined {
  if (typeof data !== "object" || data === null || !("failed" in data)) return undefined;
  const { failed } = data;
  if (!Array.isArray(failed) || failed.length === 0) return undefined;
  const [first] = failed;
  return typeof first === "object" && first !== null && "code" in first
    ? `failed:${String(first.code)}`
    : undefined;
}

export const actionMatrix: Record<string, ActionEntry> = {
  "app/admin/errors/actions.ts#resolveSystemErrorsAction": {
    expect: adminOnlyAction,
    input: (owned) => ({ ids: [owned.systemErrorId], notes: "matrix" }),
  },
  "app/admin/users/actions.ts#setUserRoleAction": {
    // User A is a trader already: the admin's call succeeds without changing anything.
    expect: adminOnlyAction,
    input: (owned) => ({ userId: owned.userId, role: "trader" }),
  },
  "app/(app)/errors/(inbox)/actions.ts#changeGroupStatusesAction": {
    // Bulk: answers ok and reports each refused group; another user's is not_found.
    expect: { ...ownedAction, traderB: "failed:not_found", admin: "failed:not_found" },
    input: (owned) => ({ groupIds: [owned.groupId], status: "resolved" }),
    readOutcome: readBulkOutcome,
  },
  "app/(app)/errors/[id]/actions.ts#changeErrorGroupStatusAction": {
    expect: ownedAction,
    input: (owned) => ({ groupId: owned.groupId, status: "resolved" }),
  },
  "app/(app)/errors/[id]/actions.ts#listGroupEventsAction": {
    expect: ownedAction,
    input: (owned) => ({ groupId: owned.groupId, cursor: owned.eventCursor }),
  },
  "app/(app)/errors/[id]/fix-actions.ts#proposeFixAction": {
    expect: ownedAction,
    input: (owned) => ({ groupId: owned.groupId }),
  },
  "app/(app)/errors/[id]/fix-actions.ts#dismissProposalAction": {
    expect: ownedAction,
    input: (owned) => ({ attemptId: owned.attemptId }),
  },
  "app/(app)/errors/[id]/fix-actions.ts#verifyFixCodeAction": {
    expect: ownedAction,
    input: (owned) => ({ groupId: owned.groupId, code: GUARDED_CODE }),
  },
  "app/(app)/errors/[id]/fix-actions.ts#deployFixAction": {
    expect: ownedAction,
    input: (owned) => ({ groupId: owned.groupId, code: GUARDED_CODE }),
  },
  "app/(app)/notifications/actions.ts#markNotificationReadAction": {
    expect: ownedAction,
    input: (owned) => ({ notificationId: owned.notificationId }),
  },
  "app/(app)/notifications/actions.ts#markAllNotificationsReadAction": {
    expect: selfAction,
    input: () => ({}),
  },
  "app/(app)/settings/ai/actions.ts#updateAiSettingsAction": {
    expect: selfAction,
    input: () => ({
      regenerationPolicy: "off",
      autoTriggerMinEvents: 3,
      dailyAttemptCap: 20,
      dailyTokenCap: 200_000,
      groupAttemptCap: 3,
      groupCooldownMinutes: 10,
      autoDeploy: false,
      watchMinutes: 30,
      watchExecutions: 10,
    }),
  },
  "app/(app)/settings/api-keys/actions.ts#createApiKeyAction": {
    // Limited to A's trader: only A may mint a key for it.
    expect: ownedAction,
    input: (owned) => ({ name: "matrix", traderId: owned.traderId }),
  },
  "app/(app)/settings/api-keys/actions.ts#revokeApiKeyAction": {
    expect: ownedAction,
    input: (owned) => ({ keyId: owned.apiKeyId }),
  },
  "app/(app)/settings/notifications/actions.ts#updateNotificationPreferencesAction": {
    expect: selfAction,
    input: () => ({
      new_group: "immediate",
      regression: "immediate",
      fix_ready: "immediate",
      workflow_disabled: "immediate",
      daily_digest: "off",
    }),
  },
  "app/(app)/traders/[id]/auto-rollback-actions.ts#setTraderAutoRollbackAction": {
    expect: ownedAction,
    input: (owned) => ({ traderId: owned.traderId, enabled: true }),
  },
  "app/(app)/traders/[id]/schedule-actions.ts#reenableScheduleAction": {
    expect: ownedAction,
    input: (owned) => ({ scheduleId: owned.stoppedScheduleId }),
  },
  "app/(app)/traders/actions.ts#pauseTraderAction": {
    expect: ownedAction,
    input: (owned) => ({ traderId: owned.traderId }),
  },
  "app/(app)/traders/actions.ts#resumeTraderAction": {
    expect: ownedAction,
    prepare: async (owned) => {
      await getDb().trader.update({ where: { id: owned.traderId }, data: { state: "paused" } });
    },
    input: (owned) => ({ traderId: owned.traderId }),
  },
  "app/(app)/traders/actions.ts#loadVersionCodeAction": {
    expect: ownedAction,
    input: (owned) => ({ traderId: owned.traderId, versionId: owned.firstVersionId }),
  },
  "app/(app)/traders/actions.ts#rollbackTraderAction": {
    expect: ownedAction,
    input: (owned) => ({ traderId: owned.traderId, versionId: owned.firstVersionId }),
  },
};
