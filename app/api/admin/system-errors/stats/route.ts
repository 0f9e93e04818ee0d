// GET /api/admin/system-errors/stats – headline counts and errors per type per day (14 days); admins only
import { withAdminOrAdminKey } from "@/lib/http/route-wrappers";
import { getSystemErrorStats } from "@/lib/system-errors/get-system-error-stats";
import { toSystemErrorStatsJson } from "@/lib/system-errors/system-error-json";

export const GET = withAdminOrAdminKey(async (_request, { principal }) => {
  const stats = await getSystemErrorStats({ userId: principal.userId });
  return Response.json(toSystemErrorStatsJson(stats), {
    headers: { "cache-control": "private, no-store" },
  });
});
