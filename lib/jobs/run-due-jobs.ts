import type { z } from "zod";
import { type Db, getDb } from "@/lib/db";
import { type ClaimedJob, claimJobs } from "@/lib/jobs/claim-jobs";
import {
  type JobContext,
  type JobHandler,
  type JobHandlers,
  jobHandlers,
} from "@/lib/jobs/job-handlers";
import { type JobKind, type JobPayload, jobPayloadSchemas } from "@/lib/jobs/job-kinds";
import { computeRetryDelayMs } from "@/lib/jobs/retry-delay";
import { logSystemError } from "@/lib/system-errors/log-system-error";

export type RunDueJobsOptions = {
  limit: number;
  workerId: string;
  visibilityTimeoutMs?: number;
  // Tests inject handlers to observe runs; the app always uses the registry.
  handlers?: JobHandlers;
};

export type RunDueJobsResult = { claimed: number; done: number; retried: number; dead: number };

type Outcome = "done" | "retried" | "dead" | "lost";

const MAX_ERROR_LENGTH = 2_000;

function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(jobPayloadSchemas, kind);
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, MAX_ERROR_LENGTH);
}

// The same table typed per kind, so indexing it with a generic kind keeps the kind
// (TypeScript's "correlated union" pattern) instead of widening to a union of schemas.
const payloadSchemas: { [K in JobKind]: z.ZodType<JobPayload<K>> } = jobPayloadSchemas;

type PreparedRun = { run: (context: JobContext) => Promise<void> } | { invalid: string };

// Generic over the kind so the payload parsed by the kind's schema is the one its handler takes.
function prepareRun<K extends JobKind>(
  kind: K,
  payload: unknown,
  handlers: JobHandlers,
): PreparedRun {
  const parsed = payloadSchemas[kind].safeParse(payload);
  if (!parsed.success) return { invalid: `Invalid payload: ${parsed.error.message}` };
  const handler: JobHandler<K> = handlers[kind];
  return { run: (context) => handler(parsed.data, context) };
}

type FinalOutcome = "done" | "retried" | "dead";

/**
 * Writes the outcome of one claimed run. Fenced on the claim (`locked_by`, `attempts`):
 * a worker that overran the visibility timeout and lost its job to another worker
 * does not overwrite that worker's run; its result is dropped ("lost").
 */
async function finishJob(
  db: Db,
  job: ClaimedJob,
  workerId: string,
  outcome: FinalOutcome,
  error?: string,
): Promise<Outcome> {
  const now = new Date();
  const data =
    outcome === "done"
      ? { status: "done" as const, completedAt: now, lastError: null }
      : outcome === "dead"
        ? { status: "dead" as const, completedAt: now, lastError: error }
        : {
            status: "failed" as const,
            lastError: error,
            runAt: new Date(now.getTime() + computeRetryDelayMs(job.attempts)),
          };
  const { count } = await db.job.updateMany({
    where: { id: job.id, lockedBy: workerId, attempts: job.attempts, status: "running" },
    data: { ...data, lockedAt: null, lockedBy: null },
  });
  if (count === 1) return outcome;
  console.warn(`[jobs] ${job.kind} ${job.id} was reclaimed by another worker; result dropped`);
  return "lost";
}

// Every crash and dead letter becomes a system error (after the outcome is recorded, so
// the job row is right even if logging is slow). A run lost to another worker is that
// worker's to report.
async function reportFailure(
  job: ClaimedJob,
  outcome: Outcome,
  failure: { error?: unknown; message?: string },
): Promise<Outcome> {
  if (outcome === "dead" || outcome === "retried") {
    const isDead = outcome === "dead";
    await logSystemError({
      errorType: isDead ? "job_dead_letter" : "job_failed",
      severity: isDead ? "high" : "low",
      component: "jobs",
      message: failure.message,
      error: failure.error,
      jobId: job.id,
      context: { kind: job.kind, attempt: job.attempts, max_attempts: job.maxAttempts },
    });
  }
  return outcome;
}

async function runClaimedJob(
  db: Db,
  job: ClaimedJob,
  workerId: string,
  handlers: JobHandlers,
): Promise<Outcome> {
  // Reclaimed after its last attempt's worker vanished: nothing left to retry.
  if (job.attempts > job.maxAttempts) {
    const error = `Lock expired on the last attempt.${job.lastError ? ` Before: ${job.lastError}` : ""}`;
    const outcome = await finishJob(db, job, workerId, "dead", error.slice(0, MAX_ERROR_LENGTH));
    return reportFailure(job, outcome, { message: `${job.kind}: ${error}` });
  }
  // Retrying cannot fix an unknown kind or a payload its schema rejects.
  const prepared = isJobKind(job.kind)
    ? prepareRun(job.kind, job.payload, handlers)
    : { invalid: `Unknown job kind "${job.kind}".` };
  if ("invalid" in prepared) {
    const invalid = prepared.invalid.slice(0, MAX_ERROR_LENGTH);
    const outcome = await finishJob(db, job, workerId, "dead", invalid);
    return reportFailure(job, outcome, { message: `${job.kind}: ${invalid}` });
  }
  try {
    await prepared.run({ jobId: job.id, attempt: job.attempts });
  } catch (error) {
    const outcome = job.attempts >= job.maxAttempts ? "dead" : "retried";
    console.warn(`[jobs] ${job.kind} ${job.id} attempt ${job.attempts} failed (${outcome})`, error);
    const described = describeError(error);
    const finished = await finishJob(db, job, workerId, outcome, described);
    // A retry's summary names only the kind, so an outage failing every job of a kind
    // collapses into one counted row a minute; each dead letter keeps its own message.
    const message =
      outcome === "dead" ? `${job.kind}: ${described}` : `${job.kind} failed; will retry`;
    return reportFailure(job, finished, { error, message });
  }
  return finishJob(db, job, workerId, "done");
}

/**
 * Claims a bounded batch of due jobs and runs them concurrently (each batch starts
 * together, so none waits out its lock behind the others). Never throws for a job's
 * failure: that is recorded on the job and retried with backoff, `dead` after
 * `maxAttempts` with the last error kept.
 */
export async function runDueJobs({
  limit,
  workerId,
  visibilityTimeoutMs,
  handlers = jobHandlers,
}: RunDueJobsOptions): Promise<RunDueJobsResult> {
  const db = getDb();
  const jobs = await claimJobs(db, { limit, workerId, visibilityTimeoutMs });
  const outcomes = await Promise.all(jobs.map((job) => runClaimedJob(db, job, workerId, handlers)));
  const count = (outcome: Outcome) => outcomes.filter((value) => value === outcome).length;
  return {
    claimed: jobs.length,
    done: count("done"),
    retried: count("retried"),
    dead: count("dead"),
  };
}
