import { isEmailSendingConfigured } from "@/lib/email/email-sending";
import { env } from "@/lib/env";
import { checkDatabase } from "@/lib/health/check-database";
import { checkJobOutbox } from "@/lib/health/check-job-outbox";
import { countRecentFailures, type RecentFailures } from "@/lib/health/count-recent-failures";
// The body's type is inferred from its zod schema, which the OpenAPI document is built
// from. Type-only: health-response imports this module at runtime, not the reverse.
import type { HealthReport } from "@/lib/health/health-response";
import {
  decideHealthStatus,
  type HealthStatus,
  type HealthThresholds,
} from "@/lib/health/health-status-rule";
import { settleWithin } from "@/lib/health/settle-within";
import { getLlmCircuitState } from "@/lib/llm/llm-circuit-state";
import { isLlmConfigured } from "@/lib/llm/llm-config";
import { getPusherConfig } from "@/lib/realtime/pusher-config";
import type { CircuitSnapshot } from "@/lib/resilience/create-service-policy";
import { getServiceCircuitSummary } from "@/lib/resilience/service-circuit-registry";
import { countSystemErrors, type SystemErrorCounts } from "@/lib/system-errors/count-system-errors";

// Each database-backed check gets this long once SELECT 1 has answered; with the
// database check's own bound the whole report stays near 2 s even when Postgres is slow.
const QUERY_CHECK_TIMEOUT_MS = 1_000;

// Still importable from here, where it was declared before the schema existed.
export type { HealthReport };

export function getHealthThresholds(): HealthThresholds {
  return { maxUnresolved: env.HEALTH_MAX_UNRESOLVED, maxErrors24h: env.HEALTH_MAX_ERRORS_24H };
}

async function readDatabaseChecks(isDatabaseReachable: boolean) {
  if (!isDatabaseReachable) return { jobs: null, counts: null, failures: null };
  // Independent reads: one slow query must not hide the others' answers.
  const [jobs, counts, failures] = await Promise.all([
    settleWithin(checkJobOutbox, QUERY_CHECK_TIMEOUT_MS),
    settleWithin(countSystemErrors, QUERY_CHECK_TIMEOUT_MS),
    settleWithin(countRecentFailures, QUERY_CHECK_TIMEOUT_MS),
  ]);
  return {
    jobs: jobs.ok ? jobs.value : null,
    counts: counts.ok ? counts.value : null,
    failures: failures.ok ? failures.value : null,
  };
}

function describeErrorTracking(
  counts: SystemErrorCounts | null,
  thresholds: HealthThresholds,
  status: HealthStatus,
): HealthReport["components"]["error_tracking"] {
  return {
    status: counts === null ? "unknown" : status === "ok" ? "ok" : "degraded",
    total: counts?.total ?? null,
    unresolved: counts?.unresolved ?? null,
    last_24h: counts?.last24h ?? null,
    critical_unresolved: counts?.criticalUnresolved ?? null,
    thresholds: {
      max_unresolved: thresholds.maxUnresolved,
      max_errors_24h: thresholds.maxErrors24h,
    },
  };
}

// The last failure's text stays out: this endpoint is public.
function toCircuit({ state, retryAfterSeconds, openedAt }: CircuitSnapshot) {
  return { state, retry_after_seconds: retryAfterSeconds, opened_at: openedAt };
}

function describeLlm(failures: RecentFailures | null): HealthReport["components"]["llm"] {
  const configured = isLlmConfigured();
  const circuit = getLlmCircuitState();
  return {
    status: !configured ? "not_configured" : circuit.state === "closed" ? "ok" : "degraded",
    configured,
    enabled: env.AI_FIXES === "on",
    circuit: toCircuit(circuit),
    failures_24h: failures?.llm ?? (failures ? 0 : null),
  };
}

/**
 * GET /api/health's body. Public, so it says which integrations are configured and how
 * they are doing, never a key, a host or an error text. Never throws and never waits on
 * a hung dependency (see settleWithin).
 */
export async function getHealthReport(): Promise<HealthReport> {
  const thresholds = getHealthThresholds();
  const database = await checkDatabase();
  const isDatabaseReachable = database.status === "ok";
  const { jobs, counts, failures } = await readDatabaseChecks(isDatabaseReachable);
  const { status, reasons } = decideHealthStatus({ isDatabaseReachable, counts, thresholds });
  const failuresOf = (component: "realtime" | "email") =>
    failures ? (failures[component] ?? 0) : null;
  const isPusher = getPusherConfig() !== null;
  const isEmailConfigured = isEmailSendingConfigured();
  const realtimeConfigured = isPusher || env.DATABASE_URL !== undefined;
  const realtimeCircuit = getServiceCircuitSummary("realtime");
  const emailCircuit = getServiceCircuitSummary("email");
  const webhookCircuit = getServiceCircuitSummary("deploy_webhook");
  const isClosed = (circuit: CircuitSnapshot) => circuit.state === "closed";
  return {
    status,
    reasons,
    checked_at: new Date().toISOString(),
    components: {
      database,
      jobs: jobs ?? { status: "unknown" },
      realtime: {
        status: !realtimeConfigured
          ? "not_configured"
          : isClosed(realtimeCircuit)
            ? "ok"
            : "degraded",
        driver: isPusher ? "pusher" : "postgres",
        configured: realtimeConfigured,
        circuit: toCircuit(realtimeCircuit),
        failures_24h: failuresOf("realtime"),
      },
      email: {
        // Unconfigured email still works: messages are kept in the in-app mailbox.
        status: !isEmailConfigured ? "not_configured" : isClosed(emailCircuit) ? "ok" : "degraded",
        configured: isEmailConfigured,
        circuit: toCircuit(emailCircuit),
        failures_24h: failuresOf("email"),
      },
      // Configured per trader, so there is no "not configured" here.
      deploy_webhooks: {
        status: isClosed(webhookCircuit) ? "ok" : "degraded",
        circuit: toCircuit(webhookCircuit),
        open_targets: webhookCircuit.openTargets,
      },
      llm: describeLlm(failures),
      error_tracking: describeErrorTracking(counts, thresholds, status),
    },
  };
}
