export type RateLimitDecision = {
  allowed: boolean;
  // 0 when allowed; otherwise whole seconds (≥ 1) until `cost` would fit again.
  retryAfterSeconds: number;
  // Units still available right after this call (rounded down).
  remaining: number;
};

// Storage-agnostic so the in-process limiter can be swapped for a shared
// (Postgres/Redis) one without touching callers. A denied call consumes nothing,
// so a client that backs off for Retry-After is let through again.
export interface RateLimiter {
  consume(key: string, cost: number, limit: number, windowMs: number): Promise<RateLimitDecision>;
}
