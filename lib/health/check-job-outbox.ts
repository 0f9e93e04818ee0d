import { getDb } from "@/lib/db";

// A due job waiting longer than this means no worker is draining the outbox (cron not
// firing, worker crashed): notifications and deploy webhooks are going out late.
export const MAX_JOB_LAG_SECONDS = 300;

export type JobOutboxCheck = {
  status: "ok" | "degraded";
  due_count: number;
  oldest_due_age_seconds: number | null;
  dead_letter_count: number;
};

type OutboxRow = { dueCount: number; oldestDueAgeSeconds: number | null; deadCount: number };

export async function checkJobOutbox(): Promise<JobOutboxCheck> {
  const [row] = await getDb().$queryRaw<OutboxRow[]>`
    SELECT
      count(*) FILTER (WHERE status IN ('pending', 'failed') AND run_at <= now())::int AS "dueCount",
      floor(extract(epoch FROM now() - min(run_at)
        FILTER (WHERE status IN ('pending', 'failed') AND run_at <= now())))::int AS "oldestDueAgeSeconds",
      count(*) FILTER (WHERE status = 'dead')::int AS "deadCount"
    FROM jobs
    WHERE status IN ('pending', 'failed', 'dead')`;
  const lag = row?.oldestDueAgeSeconds ?? null;
  return {
    status: lag !== null && lag > MAX_JOB_LAG_SECONDS ? "degraded" : "ok",
    due_count: row?.dueCount ?? 0,
    oldest_due_age_seconds: lag,
    dead_letter_count: row?.deadCount ?? 0,
  };
}
