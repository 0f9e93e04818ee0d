import { z } from "zod";
import { getHealthReport } from "@/lib/health/get-health-report";

// GET /api/health's body. getHealthReport's HealthReport is inferred from this schema,
// so the OpenAPI document cannot drift from what the checks produce.
const componentStatus = z.enum(["ok", "degraded", "not_configured", "unknown"]);

const failures24h = z.int().nullable().meta({
  description: "System errors this component logged in the last 24 h; null when not countable.",
});

const nullableCount = z.int().nullable();

// A provider's circuit breaker (lib/resilience): open = calls fail fast until a probe.
const circuitSchema = z.object({
  state: z.enum(["closed", "open", "half_open"]),
  retry_after_seconds: z.int().nullable(),
  opened_at: z.iso.datetime({ offset: true }).nullable(),
});

const databaseCheckSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), latency_ms: z.int() }),
  z.object({
    status: z.literal("down"),
    latency_ms: z.int(),
    error: z.enum(["unreachable", "timeout"]),
  }),
]);

const jobOutboxCheckSchema = z.union([
  z.object({
    status: z.enum(["ok", "degraded"]),
    due_count: z.int(),
    oldest_due_age_seconds: z.int().nullable(),
    dead_letter_count: z.int(),
  }),
  z
    .object({ status: z.literal("unknown") })
    .meta({ description: "The outbox could not be read (database down or slow)." }),
]);

export const healthReportSchema = z.object({
  status: z.enum(["ok", "degraded", "unhealthy"]).meta({
    description: "unhealthy (HTTP 503) only without a database; degraded still serves.",
  }),
  reasons: z.array(
    z.enum([
      "database_unreachable",
      "critical_unresolved",
      "too_many_unresolved",
      "too_many_errors_24h",
      "error_tracking_unavailable",
    ]),
  ),
  checked_at: z.iso.datetime({ offset: true }),
  components: z.object({
    database: databaseCheckSchema,
    jobs: jobOutboxCheckSchema,
    realtime: z.object({
      status: componentStatus,
      driver: z.enum(["pusher", "postgres"]),
      configured: z.boolean(),
      circuit: circuitSchema.meta({ description: "Pusher's breaker; closed for Postgres." }),
      failures_24h: failures24h,
    }),
    email: z.object({
      status: componentStatus,
      configured: z.boolean(),
      circuit: circuitSchema.meta({
        description: "While open, notifications stay in-app and emails are retried later.",
      }),
      failures_24h: failures24h,
    }),
    deploy_webhooks: z.object({
      status: componentStatus,
      circuit: circuitSchema.meta({ description: "The worst receiver host's breaker." }),
      open_targets: z.int().meta({ description: "Receiver hosts whose circuit is not closed." }),
    }),
    llm: z.object({
      status: componentStatus,
      configured: z.boolean(),
      enabled: z.boolean(),
      circuit: circuitSchema,
      failures_24h: failures24h,
    }),
    error_tracking: z.object({
      status: componentStatus,
      total: nullableCount,
      unresolved: nullableCount,
      last_24h: nullableCount,
      critical_unresolved: nullableCount,
      thresholds: z.object({ max_unresolved: z.int(), max_errors_24h: z.int() }),
    }),
  }),
});

export type HealthReport = z.infer<typeof healthReportSchema>;

// GET /api/health/live's body: the process answers, nothing else is checked.
export const healthLiveSchema = z.object({ status: z.literal("ok") });

export type HealthLive = z.infer<typeof healthLiveSchema>;

// Shared by /api/health and /health: 503 only when unhealthy, so a load balancer keeps
// routing to a degraded instance (it still serves) but not to one without a database.
export async function healthResponse(): Promise<Response> {
  const report = await getHealthReport();
  return Response.json(report, {
    status: report.status === "unhealthy" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
}
