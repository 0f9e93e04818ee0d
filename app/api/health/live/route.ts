// GET /api/health/live – liveness for load balancers: the process answers; touches no dependency
import { withPublic } from "@/lib/http/route-wrappers";

export const GET = withPublic(async () =>
  Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }),
);
