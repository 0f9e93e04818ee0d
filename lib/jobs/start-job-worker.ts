import { env } from "@/lib/env";
import { createWorkerId } from "@/lib/jobs/create-worker-id";
import { runDueSweeps } from "@/lib/jobs/periodic-sweeps";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { enqueueDailyDigests } from "@/lib/notifications/daily-digest-schedule";
import { getLatestDigestWindow } from "@/lib/notifications/daily-digest-window";

const BATCH_SIZE = 10;

export type JobWorker = { workerId: string; stop: () => Promise<void> };

const globalForWorker = globalThis as unknown as { faultlineJobWorker?: JobWorker };

/**
 * Polls the jobs table in this process, for long-running servers (`next start`,
 * `npm start`); serverless deployments use the cron route instead. A full batch is
 * followed at once by the next, an empty one waits `pollMs`. It also enqueues each
 * day's digests once their hour has come (idempotent across instances) and runs the
 * periodic sweeps (watch windows, auto fixes). One worker
 * per process: a second call returns the running one.
 */
export function startJobWorker({ pollMs }: { pollMs: number }): JobWorker {
  if (globalForWorker.faultlineJobWorker) return globalForWorker.faultlineJobWorker;
  const workerId = createWorkerId("worker");
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;
  let current: Promise<void> = Promise.resolve();
  let scheduledDigestDay: string | null = null;
  const lastSweeps = new Map<string, number>();

  async function scheduleDigests() {
    const { day } = await enqueueDailyDigests({ now: new Date() });
    scheduledDigestDay = day;
  }

  async function tick(): Promise<number> {
    try {
      if (scheduledDigestDay !== getLatestDigestWindow(new Date(), env.DIGEST_HOUR_UTC).day) {
        await scheduleDigests();
      }
      await runDueSweeps(lastSweeps);
      const { claimed } = await runDueJobs({ limit: BATCH_SIZE, workerId });
      return claimed === BATCH_SIZE ? 0 : pollMs;
    } catch (error) {
      // The database may be restarting: keep polling at the normal pace.
      console.warn("[jobs] worker tick failed", error);
      return pollMs;
    }
  }

  function schedule(delayMs: number) {
    if (isStopped) return;
    timer = setTimeout(() => {
      current = tick().then(schedule);
    }, delayMs);
    // Never keeps the process alive on its own.
    timer.unref();
  }

  const worker: JobWorker = {
    workerId,
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await current;
      globalForWorker.faultlineJobWorker = undefined;
    },
  };
  globalForWorker.faultlineJobWorker = worker;
  schedule(0);
  console.info(`[jobs] worker ${workerId} polling every ${pollMs} ms`);
  return worker;
}

// Called from instrumentation.ts: on when JOB_WORKER_POLL_MS > 0 and a database is configured.
export function startJobWorkerFromEnv(): JobWorker | null {
  if (env.JOB_WORKER_POLL_MS <= 0 || !env.DATABASE_URL) return null;
  return startJobWorker({ pollMs: env.JOB_WORKER_POLL_MS });
}
