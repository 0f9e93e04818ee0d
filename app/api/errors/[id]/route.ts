// GET /api/errors/:id – one error group with its latest event and stats
// PATCH /api/errors/:id – resolve, reopen or ignore an error group
import { changeGroupStatus } from "@/lib/errors/change-group-status";
import {
  toErrorEventJson,
  toErrorGroupJson,
  toGroupActivityJson,
} from "@/lib/errors/query/error-group-json";
import { getErrorGroupDetail } from "@/lib/errors/query/get-error-group-detail";
import type {
  ChangeGroupStatusJson,
  ErrorGroupDetailJson,
} from "@/lib/errors/query/response-schemas";
import { changeGroupStatusBodySchema } from "@/lib/errors/query/schemas";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withUser } from "@/lib/http/route-wrappers";

export const GET = withUser<{ id: string }>(async (_request, { principal, params }) => {
  const detail = await getErrorGroupDetail({ id: params.id, userId: principal.userId });
  const { group } = detail;
  const body: ErrorGroupDetailJson = {
    group: toErrorGroupJson(group),
    latest_event: detail.latestEvent ? toErrorEventJson(detail.latestEvent) : null,
    stats: {
      event_count: group.eventCount,
      first_seen_at: group.firstSeenAt.toISOString(),
      last_seen_at: group.lastSeenAt.toISOString(),
      events_last_24h: detail.eventsLast24h,
      affected_symbols: detail.affectedSymbols,
    },
  };
  return Response.json(body);
});

export const PATCH = withUser<{ id: string }>(async (request, { principal, params }) => {
  const input = await readJsonBody(request, changeGroupStatusBodySchema);
  const change = await changeGroupStatus({
    userId: principal.userId,
    groupId: params.id,
    to: input.status,
    note: input.note,
    ignore: input.ignore && {
      until: input.ignore.until === undefined ? undefined : new Date(input.ignore.until),
      events: input.ignore.events,
    },
  });
  const body: ChangeGroupStatusJson = {
    group: toErrorGroupJson(change.group),
    activity: change.activity ? toGroupActivityJson(change.activity) : null,
  };
  return Response.json(body);
});
