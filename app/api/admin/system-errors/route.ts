// GET /api/admin/system-errors – Faultline's own failures (filters, cursor pagination); admins only
import { readQueryParams } from "@/lib/errors/query/read-query-params";
import { withAdminOrAdminKey } from "@/lib/http/route-wrappers";
import { listSystemErrors } from "@/lib/system-errors/list-system-errors";
import { type SystemErrorListJson, toSystemErrorJson } from "@/lib/system-errors/system-error-json";
import {
  listSystemErrorsQuerySchema,
  systemErrorRepeatableParams,
} from "@/lib/system-errors/system-error-query";

export const GET = withAdminOrAdminKey(async (request, { principal }) => {
  const query = readQueryParams(request, listSystemErrorsQuerySchema, systemErrorRepeatableParams);
  const page = await listSystemErrors({
    userId: principal.userId,
    severities: query.severity,
    errorType: query.error_type,
    component: query.component,
    isUnresolvedOnly: query.unresolved,
    since: query.since === undefined ? undefined : new Date(query.since),
    until: query.until === undefined ? undefined : new Date(query.until),
    cursor: query.cursor,
    limit: query.limit,
  });
  return Response.json(
    {
      data: page.systemErrors.map(toSystemErrorJson),
      next_cursor: page.nextCursor,
    } satisfies SystemErrorListJson,
    { headers: { "cache-control": "private, no-store" } },
  );
});
