import { getDb } from "@/lib/db";

export type SystemErrorCounts = {
  total: number;
  unresolved: number;
  last24h: number;
  criticalUnresolved: number;
};

/**
 * The headline numbers, in one scan. No authorization on purpose: the public health
 * check reports these counts (never a message or a context), and the admin stats build
 * on them after checking the caller.
 */
export async function countSystemErrors(): Promise<SystemErrorCounts> {
  const [row] = await getDb().$queryRaw<SystemErrorCounts[]>`
    SELECT count(*)::int AS "total",
      count(*) FILTER (WHERE resolved_at IS NULL)::int AS "unresolved",
      count(*) FILTER (WHERE created_at > now() - interval '24 hours')::int AS "last24h",
      count(*) FILTER (WHERE resolved_at IS NULL AND severity = 'critical')::int AS "criticalUnresolved"
    FROM system_errors`;
  return row ?? { total: 0, unresolved: 0, last24h: 0, criticalUnresolved: 0 };
}
