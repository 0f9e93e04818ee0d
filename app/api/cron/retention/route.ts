// GET|POST /api/cron/retention – delete expired system errors and error events in bounded batches (Vercel Cron, bearer CRON_SECRET)
import { withPublic } from "@/lib/http/route-wrappers";
import { authorizeCronRequest } from "@/lib/jobs/authorize-cron-request";
import { runRetention } from "@/lib/retention/run-retention";

export const maxDuration = 60;

// Daily is enough; a backlog bigger than one run's time budget answers hasMore: true
// and the next run carries on (idempotent).
const retain = withPublic(async (request) => {
  authorizeCronRequest(request);
  const result = await runRetention();
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});

export const GET = retain;
export const POST = retain;
