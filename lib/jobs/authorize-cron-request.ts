import { createHash, timingSafeEqual } from "node:crypto";
import { readBearerToken } from "@/lib/api-keys/authenticate-api-key";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";

// Hashing first gives equal-length inputs, so neither the comparison nor a length
// check leaks how much of the secret a guess got right.
function isSecretMatching(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

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
