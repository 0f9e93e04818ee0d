// POST /api/executor/schedules/:id/runs – report the run of one candle (ok | error), processed once
import { env } from "@/lib/env";
import { parseBody } from "@/lib/http/read-json-body";
import { withApiKey } from "@/lib/http/route-wrappers";
import { readIngestBody } from "@/lib/ingest/read-ingest-body";
import { sanitizeJsonValue } from "@/lib/ingest/sanitize-text";
import { enforceIngestRateLimit } from "@/lib/rate-limit/enforce-ingest-rate-limit";
import { getIngestRateLimiter } from "@/lib/rate-limit/ingest-rate-limiter";
import { getIngestRateLimitPolicy } from "@/lib/rate-limit/rate-limit-policy";
import { scheduleAfterResponse } from "@/lib/realtime/schedule-after-response";
import { publishRunReport } from "@/lib/workflows/publish-run-report";
import { reportScheduleRun } from "@/lib/workflows/report-schedule-run";
import { scheduleInactiveResponse, toRunReportJson } from "@/lib/workflows/run-report-json";
import { reportRunBodySchema } from "@/lib/workflows/workflow-schemas";

export const POST = withApiKey<{ id: string }>(async (request, { principal, params }) => {
  // The error payload is an ingested event: the same hostile-input guards as POST /api/errors.
  const raw = sanitizeJsonValue(
    await readIngestBody(request, {
      maxCompressedBytes: env.INGEST_MAX_BODY_BYTES,
      maxDecompressedBytes: env.INGEST_MAX_DECOMPRESSED_BYTES,
    }),
  );
  const input = parseBody(reportRunBodySchema, raw);
  if (input.error) {
    await enforceIngestRateLimit({
      keyId: principal.keyId,
      userId: principal.userId,
      cost: 1,
      policy: getIngestRateLimitPolicy(),
      limiter: getIngestRateLimiter(),
    });
  }
  const reported = await reportScheduleRun({
    scope: { userId: principal.userId, keyTraderId: principal.traderId, keyId: principal.keyId },
    scheduleId: params.id,
    input,
  });
  if (reported.status === "inactive") return scheduleInactiveResponse(reported.schedule);
  scheduleAfterResponse(() => publishRunReport(principal.userId, reported));
  const { status, body } = toRunReportJson(reported);
  return Response.json(body, { status });
});
