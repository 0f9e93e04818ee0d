import {
  createInMemoryRateLimiter,
  type InMemoryRateLimiter,
} from "@/lib/rate-limit/in-memory-rate-limiter";

const globalForRateLimit = globalThis as unknown as {
  faultlineIngestLimiter?: InMemoryRateLimiter;
};

// One limiter per server process (cached on globalThis so dev hot reload keeps the counts).
export function getIngestRateLimiter(): InMemoryRateLimiter {
  globalForRateLimit.faultlineIngestLimiter ??= createInMemoryRateLimiter();
  return globalForRateLimit.faultlineIngestLimiter;
}
