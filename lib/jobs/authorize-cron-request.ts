import { readBearerToken } from "@/lib/api-keys/authenticate-api-key";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { isSecretMatching } from "@/lib/http/is-secret-matching";

/**
 * Cron endpoints answer only `Authorization: Bearer <CRON_SECRET>` (what Vercel Cron
 * sends). Without a configured secret they do not exist (404), so a deployment never
 * exposes them by accident.
 */
export function authorizeCronRequest(
  request: Request,
  expected: string | undefined = env.CRON_SECRET,
): void {
  if (!expected) throw new AppError("not_found", "Not found.");
  const presented = readBearerToken(request.headers.get("authorization"));
  if (!presented || !isSecretMatching(presented, expected)) {
    throw new AppError(
      "unauthorized",
      "A valid cron secret is required (Authorization: Bearer <secret>).",
    );
  }
}
