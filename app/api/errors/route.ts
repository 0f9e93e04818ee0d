// POST /api/errors – an executor reports one failed filter run, or a batch of them
import { getDb } from "@/lib/db";
import { parseBody, readJson } from "@/lib/http/read-json-body";
import { withApiKey } from "@/lib/http/route-wrappers";
import { batchBodySchema, errorEventSchema, isBatchBody } from "@/lib/ingest/error-event-schema";
import { type IngestedEvent, ingestErrorEvents } from "@/lib/ingest/ingest-error-events";

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
  const raw = await readJson(request);
  const isBatch = isBatchBody(raw);
  const events = isBatch
    ? parseBody(batchBodySchema, raw).events
    : [parseBody(errorEventSchema, raw)];
  const results = await ingestErrorEvents(getDb(), { principal, events });
  const status = results.every((result) => result.isReplay) ? 200 : 201;
  const [first] = results;
  return Response.json(isBatch || !first ? { events: results.map(toJson) } : toJson(first), {
    status,
  });
});
