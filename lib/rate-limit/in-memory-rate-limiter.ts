import type { RateLimitDecision, RateLimiter } from "@/lib/rate-limit/rate-limiter";

type Bucket = { tokens: number; updatedAt: number; limit: number; windowMs: number };

export type InMemoryRateLimiterOptions = {
  // Milliseconds, monotonic. Injected so tests control time without sleeping.
  now?: () => number;
  // Safety cap: keys are authenticated ids, so this only bounds memory if something goes wrong.
  maxKeys?: number;
};

export type InMemoryRateLimiter = RateLimiter & { readonly size: number };

function refill(bucket: Bucket, now: number): number {
  const elapsed = Math.max(0, now - bucket.updatedAt);
  return Math.min(bucket.limit, bucket.tokens + (elapsed * bucket.limit) / bucket.windowMs);
}

/**
 * Token bucket per key: holds up to `limit` units and refills `limit` per `windowMs`,
 * so a steady client gets `limit` per window and a burst can spend one window's worth
 * at once. One small object per key; a bucket idle for a whole window is full again,
 * which is the same as having no bucket, so it is dropped.
 *
 * Per process only: each serverless instance counts separately, which is fine for
 * abuse protection but not exact quotas; a shared store can implement RateLimiter later.
 */
export function createInMemoryRateLimiter(
  options: InMemoryRateLimiterOptions = {},
): InMemoryRateLimiter {
  const now = options.now ?? (() => performance.now());
  const maxKeys = options.maxKeys ?? 100_000;
  // Map keeps insertion order; re-inserting on every touch keeps the least recently
  // used keys first, so eviction only ever looks at the front.
  const buckets = new Map<string, Bucket>();

  function evictIdle(at: number) {
    for (const [key, bucket] of buckets) {
      const isIdle = at - bucket.updatedAt >= bucket.windowMs;
      if (!isIdle && buckets.size <= maxKeys) return;
      buckets.delete(key);
    }
  }

  function consumeNow(key: string, cost: number, limit: number, windowMs: number) {
    const at = now();
    const existing = buckets.get(key);
    const bucket: Bucket = existing
      ? { tokens: refill({ ...existing, limit, windowMs }, at), updatedAt: at, limit, windowMs }
      : { tokens: limit, updatedAt: at, limit, windowMs };
    const allowed = cost <= bucket.tokens;
    if (allowed) bucket.tokens -= cost;
    buckets.delete(key);
    buckets.set(key, bucket);
    evictIdle(at);
    return { allowed, tokens: bucket.tokens };
  }

  return {
    get size() {
      return buckets.size;
    },
    async consume(key, cost, limit, windowMs): Promise<RateLimitDecision> {
      if (!(limit > 0 && windowMs > 0 && cost >= 0)) {
        throw new RangeError(
          `Invalid rate limit: cost ${cost}, limit ${limit}, window ${windowMs} ms`,
        );
      }
      const { allowed, tokens } = consumeNow(key, cost, limit, windowMs);
      const remaining = Math.floor(tokens);
      if (allowed) return { allowed, retryAfterSeconds: 0, remaining };
      // A cost above the limit never fits; waiting a full window is the honest answer.
      const waitMs = cost > limit ? windowMs : ((cost - tokens) * windowMs) / limit;
      return { allowed, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), remaining };
    },
  };
}
