import { recordIngestRequest, recordRateLimited } from "@/lib/metrics/record-metrics";

/**
 * Wraps an already-wrapped route handler (withApiKey etc., which turn errors into
 * responses) and records its status and duration. A 429 also counts as rate limited, so
 * the limiter itself stays free of metrics.
 */
export function withIngestMetrics<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    const started = performance.now();
    const elapsedSeconds = () => (performance.now() - started) / 1000;
    let response: Response;
    try {
      response = await handler(...args);
    } catch (error) {
      // Route wrappers should never throw; if one does, Next answers 500.
      recordIngestRequest(500, elapsedSeconds());
      throw error;
    }
    recordIngestRequest(response.status, elapsedSeconds());
    if (response.status === 429) recordRateLimited();
    return response;
  };
}
