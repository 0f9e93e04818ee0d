// GET /api/metrics – Prometheus scrape endpoint, bearer METRICS_TOKEN (404 when unset)
import { withPublic } from "@/lib/http/route-wrappers";
import { createMetricsHandler } from "@/lib/metrics/metrics-handler";
import { getMetricsToken } from "@/lib/metrics/metrics-token";

const handleMetrics = createMetricsHandler(getMetricsToken);

// withPublic: the handler checks its own token; the wrapper turns AppErrors into problem+json.
export const GET = withPublic((request) => handleMetrics(request));
