import { env } from "@/lib/env";

// Events per minute. The user limit covers all of a user's keys (and trader DSNs),
// so one leaked or looping key cannot spend the whole account's budget.
export type RateLimitPolicy = {
  perKeyPerMinute: number;
  perUserPerMinute: number;
};

// Defaults live in lib/env.ts (6,000/min per key, 12,000/min per user): an executor reporting
// every failed run of 100 filters every few seconds stays well under.
export function getIngestRateLimitPolicy(): RateLimitPolicy {
  return {
    perKeyPerMinute: env.INGEST_RATE_LIMIT_PER_KEY,
    perUserPerMinute: env.INGEST_RATE_LIMIT_PER_USER,
  };
}
