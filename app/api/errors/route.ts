// POST /api/errors – an executor reports one failed filter run, or a batch of them
// GET /api/errors – list the caller's error groups (filters, sort, cursor pagination)
import { z } from "zod";
import { listErrorGroupsRoute } from "@/app/api/errors/list-error-groups-route";
import { env } from "@/lib/env";
import { parseBody } from "@/lib/http/read-json-body";
import { withApiKey } from "@/lib/http/route-wrappers";
import { batchBodySchema, errorEventSchema, isBatchBody } from "@/lib/ingest/error-event-schema";
import { type IngestedEvent, ingestErrorEvents } from "@/lib/ingest/ingest-error-events";
import { readIngestBody } from "@/lib/ingest/read-ingest-body";
import { sanitizeJsonValue } from "@/lib/ingest/sanitize-text";
import { withIngestMetrics } from "@/lib/metrics/with-ingest-metrics";
import type { ingestResultSchema } from "@/lib/openapi/ingest-response-schemas";
import { enforceIngestRateLimit } from "@/lib/rate-limit/enforce-ingest-rate-limit";
import { getIngestLoadShedder } from "@/lib/rate-limit/ingest-load-shedder";
import { getIngestRateLimiter } from "@/lib/rate-limit/ingest-rate-limiter";
import { getIngestRateLimitPolicy } from "@/lib/rate-limit/rate-limit-policy";
import { publishIngestResults } from "@/lib/realtime/publish-ingest-results";
import { scheduleAfterResponse } from "@/lib/realtime/schedule-after-response";

const idempotencyKeySchema = z.string().trim().min(1).max(255).optional();

// Typed by the schema the OpenAPI document publishes, so the two cannot drift apart.
function toJson(result: IngestedEvent): z.infer<typeof ingestResultSchema> {
  return {
    event_id: result.eventId,
    id: result.id,
    group_id: result.groupId,
    error_hash: result.errorHash,
    new_group: result.isNewGroup,
    replay: result.isReplay,
  };
}

export const POST = withIngestMetrics(
  withApiKey((request, { principal }) =>
    getIngestLoadShedder().run(async () => {
      const idempotencyKey = parseBody(
        idempotencyKeySchema,
        request.headers.get("idempotency-key") ?? undefined,
      );
      // Hostile-input proof: capped, decompressed, strict UTF-8, NaN/Infinity → null,
      // invisible characters stripped, before any schema or database sees it.
      const raw = sanitizeJsonValue(
        await readIngestBody(request, {
          maxCompressedBytes: env.INGEST_MAX_BODY_BYTES,
          maxDecompressedBytes: env.INGEST_MAX_DECOMPRESSED_BYTES,
        }),
      );
      const isBatch = isBatchBody(raw);
      const events = isBatch
        ? parseBody(batchBodySchema, raw).events
        : [parseBody(errorEventSchema, raw)];
      await enforceIngestRateLimit({
        keyId: principal.keyId,
        userId: principal.userId,
        cost: events.length,
        policy: getIngestRateLimitPolicy(),
        limiter: getIngestRateLimiter(),
      });
      const results = await ingestErrorEvents({ principal, events, idempotencyKey });
      scheduleAfterResponse(() => publishIngestResults(principal.userId, results));
      const status = results.every((result) => result.isReplay) ? 200 : 201;
      const [first] = results;
      return Response.json(isBatch || !first ? { events: results.map(toJson) } : toJson(first), {
        status,
      });
    }),
  ),
);

export const GET = listErrorGroupsRoute;
