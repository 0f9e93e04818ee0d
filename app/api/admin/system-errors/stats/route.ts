// GET /api/admin/system-errors/stats – headline counts and errors per type per day (14 days); admins only
import { withAdminOrAdminKey } from "@/lib/http/route-wrappers";
import { getSystemErrorStats } from "@/lib/system-errors/get-system-error-stats";

export const GET = withAdminOrAdminKey(async (_request, { principal }) => {
  const stats = await getSystemErrorStats({ userId: principal.userId });
  return Response.json(
    {
      total: stats.total,
      unresolved: stats.unresolved,
      last_24h: stats.last24h,
      critical_unresolved: stats.criticalUnresolved,
      by_type_per_day: stats.byTypePerDay,
    },
    { headers: { "cache-control": "private, no-store" } },
  );
});
