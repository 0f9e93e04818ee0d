import { getHealthReport } from "@/lib/health/get-health-report";

// Shared by /api/health and /health: 503 only when unhealthy, so a load balancer keeps
// routing to a degraded instance (it still serves) but not to one without a database.
export async function healthResponse(): Promise<Response> {
  const report = await getHealthReport();
  return Response.json(report, {
    status: report.status === "unhealthy" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
}
