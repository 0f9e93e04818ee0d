// GET /api/health/live – liveness for load balancers: the process answers; touches no dependency
import type { HealthLive } from "@/lib/health/health-response";
import { withPublic } from "@/lib/http/route-wrappers";

export const GET = withPublic(async () =>
  Response.json({ status: "ok" } satisfies HealthLive, {
    headers: { "cache-control": "no-store" },
  }),
);
