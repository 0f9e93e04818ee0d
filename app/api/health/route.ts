// GET /api/health – component status (database, jobs, realtime, email, LLM circuit, error tracking); public, 503 when unhealthy
import { healthResponse } from "@/lib/health/health-response";
import { withPublic } from "@/lib/http/route-wrappers";

export const GET = withPublic(() => healthResponse());
