// GET /api/errors – list the caller's error groups (filters, sort, cursor pagination)
import { toErrorGroupJson } from "@/lib/errors/query/error-group-json";
import { listErrorGroupsPage } from "@/lib/errors/query/list-error-groups-page";
import { readQueryParams } from "@/lib/errors/query/read-query-params";
import type { ErrorGroupListJson } from "@/lib/errors/query/response-schemas";
import { listErrorGroupsQuerySchema, repeatableQueryParams } from "@/lib/errors/query/schemas";
import { withUser } from "@/lib/http/route-wrappers";

export const listErrorGroupsRoute = withUser(async (request, { principal }) => {
  const query = readQueryParams(request, listErrorGroupsQuerySchema, repeatableQueryParams);
  const page = await listErrorGroupsPage({ ...query, userId: principal.userId });
  const body: ErrorGroupListJson = {
    data: page.groups.map(toErrorGroupJson),
    next_cursor: page.nextCursor,
  };
  return Response.json(body);
});
