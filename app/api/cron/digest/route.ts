// GET|POST /api/cron/digest – enqueue the day's digest emails once due (Vercel Cron, bearer CRON_SECRET)
import { withPublic } from "@/lib/http/route-wrappers";
import { authorizeCronRequest } from "@/lib/jobs/authorize-cron-request";
import { enqueueDailyDigests } from "@/lib/notifications/daily-digest-schedule";

// Idempotent, so it can run hourly: the digest goes out on the first run after
// DIGEST_HOUR_UTC, and the jobs cron delivers it.
const scheduleDigests = withPublic(async (request) => {
  authorizeCronRequest(request);
  const scheduled = await enqueueDailyDigests();
  return Response.json(scheduled, { headers: { "cache-control": "no-store" } });
});

export const GET = scheduleDigests;
export const POST = scheduleDigests;
