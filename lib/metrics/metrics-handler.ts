import { readBearerToken } from "@/lib/api-keys/authenticate-api-key";
import { AppError } from "@/lib/http/app-error";
import { isSecretMatching } from "@/lib/http/is-secret-matching";
import { renderMetrics } from "@/lib/metrics/render-metrics";

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
    if (!presented || !isSecretMatching(presented, expected)) {
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
