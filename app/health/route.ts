// GET /health – the same report as /api/health, at the path the operations guide names
import { healthResponse } from "@/lib/health/health-response";
import { withPublic } from "@/lib/http/route-wrappers";

export const GET = withPublic(() => healthResponse());
