import { getDb } from "@/lib/db";
import type { SystemErrorComponent } from "@/lib/system-errors/system-error-component";

export type RecentFailures = Partial<Record<SystemErrorComponent, number>>;

// System errors per component over the last 24 h: how the health report shows that a
// configured integration (email, realtime, LLM) is failing in practice.
export async function countRecentFailures(): Promise<RecentFailures> {
  const rows = await getDb().$queryRaw<{ component: string; count: number }[]>`
    SELECT component, count(*)::int AS "count"
    FROM system_errors
    WHERE created_at > now() - interval '24 hours'
    GROUP BY component`;
  return Object.fromEntries(rows.map((row) => [row.component, row.count]));
}
