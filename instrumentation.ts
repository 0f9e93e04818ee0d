// Runs once per server start (next start, next dev). The job worker needs Node.js
// (pg, timers), so it is imported only in that runtime; NEXT_RUNTIME is set by Next
// itself at build time, which is why it is read here and not through lib/env.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobWorkerFromEnv } = await import("@/lib/jobs/start-job-worker");
  startJobWorkerFromEnv();
  const { reportFailedMigrations } = await import("@/lib/migrations/report-failed-migrations");
  // Never blocks or fails the start: a database that is down now is health's business.
  reportFailedMigrations().catch((error: unknown) => {
    console.warn("[migrations] could not check for failed migrations:", error);
  });
}
