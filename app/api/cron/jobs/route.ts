// GET|POST /api/cron/jobs – run a bounded batch of due jobs and close ended watch windows (Vercel Cron, bearer CRON_SECRET)

import { resolveWatchedGroups } from "@/lib/deploy/resolve-watched-groups";
import { withPublic } from "@/lib/http/route-wrappers";
import { authorizeCronRequest } from "@/lib/jobs/authorize-cron-request";
import { createWorkerId } from "@/lib/jobs/create-worker-id";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";

const CRON_BATCH_SIZE = 50;

export const maxDuration = 60;

// withPublic: the handler checks the cron secret itself; the wrapper maps AppErrors.
const runJobs = withPublic(async (request) => {
  authorizeCronRequest(request);
  const counts = await runDueJobs({ limit: CRON_BATCH_SIZE, workerId: createWorkerId("cron") });
  const watch = await resolveWatchedGroups({ now: new Date() });
  return Response.json({ ...counts, watch }, { headers: { "cache-control": "no-store" } });
});

export const GET = runJobs;
export const POST = runJobs;
