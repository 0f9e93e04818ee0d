// GET /api/errors/:id/events – the group's events, newest first, cursor-paginated
import { toErrorEventJson } from "@/lib/errors/query/error-group-json";
import { listGroupEventsPage } from "@/lib/errors/query/list-group-events-page";
import { readQueryParams } from "@/lib/errors/query/read-query-params";
import type { ErrorEventListJson } from "@/lib/errors/query/response-schemas";
import { listGroupEventsQuerySchema } from "@/lib/errors/query/schemas";
import { withUser } from "@/lib/http/route-wrappers";

export const GET = withUser<{ id: string }>(async (request, { principal, params }) => {
  const query = readQueryParams(request, listGroupEventsQuerySchema);
  const page = await listGroupEventsPage({
    ...query,
    groupId: params.id,
    userId: principal.userId,
  });
  const body: ErrorEventListJson = {
    data: page.events.map(toErrorEventJson),
    next_cursor: page.nextCursor,
  };
  return Response.json(body);
});
