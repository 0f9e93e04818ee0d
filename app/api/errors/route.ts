// POST /api/errors – an executor reports one failed filter run, or a batch of them
import { z } from "zod";
import { parseBody, readJson } from "@/lib/http/read-json-body";
import { withApiKey } from "@/lib/http/route-wrappers";
import { batchBodySchema, errorEventSchema, isBatchBody } from "@/lib/ingest/error-event-schema";
import { type IngestedEvent, ingestErrorEvents } from "@/lib/ingest/ingest-error-events";

const idempotencyKeySchema = z.string().trim().min(1).max(255).optional();

function toJson(result: IngestedEvent) {
  return {
    event_id: result.eventId,
    id: result.id,
    group_id: result.groupId,
    error_hash: result.errorHash,
    new_group: result.isNewGroup,
    replay: result.isReplay,
  };
}

export const POST = withApiKey(async (request, { principal }) => {
  const idempotencyKey = parseBody(
    idempotencyKeySchema,
    request.headers.get("idempotency-key") ?? undefined,
  );
  const raw = await readJson(request);
  const isBatch = isBatchBody(raw);
  const events = isBatch
    ? parseBody(batchBodySchema, raw).events
    : [parseBody(errorEventSchema, raw)];
  const results = await ingestErrorEvents({ principal, events, idempotencyKey });
  const status = results.every((result) => result.isReplay) ? 200 : 201;
  const [first] = results;
  return Response.json(isBatch || !first ? { events: results.map(toJson) } : toJson(first), {
    status,
  });
});
