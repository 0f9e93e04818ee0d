// GET|POST /api/cron/regeneration – automatic fix sweep and stuck attempts (Vercel Cron, bearer CRON_SECRET)
import { withPublic } from "@/lib/http/route-wrappers";
import { authorizeCronRequest } from "@/lib/jobs/authorize-cron-request";
import { sweepAutoRegeneration } from "@/lib/regeneration/sweep-auto-regeneration";

export const maxDuration = 60;

// Queues attempts only; the jobs cron (every minute) runs them.
const sweep = withPublic(async (request) => {
  authorizeCronRequest(request);
  const result = await sweepAutoRegeneration();
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});

export const GET = sweep;
export const POST = sweep;
