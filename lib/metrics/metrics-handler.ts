import { createHash, timingSafeEqual } from "node:crypto";
import { readBearerToken } from "@/lib/api-keys/authenticate-api-key";
import { AppError } from "@/lib/http/app-error";
import { renderMetrics } from "@/lib/metrics/render-metrics";

// Hashing first gives equal-length inputs, so neither the comparison nor an early length
// check leaks how much of the token a guess got right.
function isTokenMatching(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * GET handler for the Prometheus scrape endpoint. Without a configured token the
 * endpoint does not exist (404), so a deployment never exposes metrics by accident.
 * Throws AppErrors; wrap it with a route wrapper to turn them into problem+json.
 */
export function createMetricsHandler(getToken: () => string | undefined) {
  return async (request: Request): Promise<Response> => {
    const expected = getToken();
    if (!expected) throw new AppError("not_found", "Not found.");
    const presented = readBearerToken(request.headers.get("authorization"));
    if (!presented || !isTokenMatching(presented, expected)) {
      throw new AppError(
        "unauthorized",
        "A valid metrics token is required (Authorization: Bearer <token>).",
      );
    }
    const { contentType, body } = await renderMetrics();
    return new Response(body, {
      status: 200,
      headers: { "content-type": contentType, "cache-control": "no-store" },
    });
  };
}
