import type { SystemErrorCounts } from "@/lib/system-errors/count-system-errors";

export type HealthStatus = "ok" | "degraded" | "unhealthy";

export type HealthThresholds = { maxUnresolved: number; maxErrors24h: number };

export type HealthReason =
  | "database_unreachable"
  | "critical_unresolved"
  | "too_many_unresolved"
  | "too_many_errors_24h"
  | "error_tracking_unavailable";

/**
 * The seed's rule: unhealthy (503) when the database is unreachable; degraded when any
 * critical system error is unresolved, more than `maxUnresolved` are unresolved, or more
 * than `maxErrors24h` were logged in the last 24 h. Counts that could not be read with
 * the database up are degraded too: silence is not health.
 */
export function decideHealthStatus({
  isDatabaseReachable,
  counts,
  thresholds,
}: {
  isDatabaseReachable: boolean;
  counts: SystemErrorCounts | null;
  thresholds: HealthThresholds;
}): { status: HealthStatus; reasons: HealthReason[] } {
  if (!isDatabaseReachable) return { status: "unhealthy", reasons: ["database_unreachable"] };
  if (!counts) return { status: "degraded", reasons: ["error_tracking_unavailable"] };
  const reasons: HealthReason[] = [];
  if (counts.criticalUnresolved > 0) reasons.push("critical_unresolved");
  if (counts.unresolved > thresholds.maxUnresolved) reasons.push("too_many_unresolved");
  if (counts.last24h > thresholds.maxErrors24h) reasons.push("too_many_errors_24h");
  return { status: reasons.length > 0 ? "degraded" : "ok", reasons };
}
