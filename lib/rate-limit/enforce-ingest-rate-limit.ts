import { AppError } from "@/lib/http/app-error";
import type { RateLimitPolicy } from "@/lib/rate-limit/rate-limit-policy";
import type { RateLimiter } from "@/lib/rate-limit/rate-limiter";

const WINDOW_MS = 60_000;

export type IngestRateLimitResult = {
  // Events the caller can still send right now under the tighter of the two limits.
  remaining: number;
};

/**
 * Charges `cost` events (a batch of N counts N) to the API key, then to the user.
 * Throws AppError("rate_limited") with Retry-After naming the limit that was hit.
 * `keyId` is null for trader DSNs, which only count against their user.
 */
export async function enforceIngestRateLimit({
  keyId,
  userId,
  cost,
  policy,
  limiter,
}: {
  keyId: string | null;
  userId: string;
  cost: number;
  policy: RateLimitPolicy;
  limiter: RateLimiter;
}): Promise<IngestRateLimitResult> {
  let remaining = Number.POSITIVE_INFINITY;
  if (keyId !== null) {
    const limit = policy.perKeyPerMinute;
    const decision = await limiter.consume(`ingest:key:${keyId}`, cost, limit, WINDOW_MS);
    if (!decision.allowed) {
      throw new AppError(
        "rate_limited",
        `API key rate limit exceeded: at most ${limit} events per minute per key.`,
        undefined,
        { retryAfterSeconds: decision.retryAfterSeconds },
      );
    }
    remaining = decision.remaining;
  }
  const limit = policy.perUserPerMinute;
  const decision = await limiter.consume(`ingest:user:${userId}`, cost, limit, WINDOW_MS);
  if (!decision.allowed) {
    throw new AppError(
      "rate_limited",
      `Account rate limit exceeded: at most ${limit} events per minute across all your API keys.`,
      undefined,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
  return { remaining: Math.min(remaining, decision.remaining) };
}
