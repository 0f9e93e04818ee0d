import { createWorkerId } from "@/lib/jobs/create-worker-id";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";

const KICK_BATCH_SIZE = 10;

/**
 * Runs a small batch of due jobs right away instead of waiting for the next poll or
 * cron tick. Call it from `after(kickJobs)` once the transaction that enqueued work
 * has committed. Best effort: a failure here leaves the jobs for the worker.
 */
export async function kickJobs(): Promise<void> {
  try {
    await runDueJobs({ limit: KICK_BATCH_SIZE, workerId: createWorkerId("kick") });
  } catch (error) {
    console.warn("[jobs] kick failed; the worker or cron will run the jobs", error);
  }
}
