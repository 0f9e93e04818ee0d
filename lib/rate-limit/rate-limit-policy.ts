import { env } from "@/lib/env";

// Events per minute. The user limit covers all of a user's keys (and trader DSNs),
// so one leaked or looping key cannot spend the whole account's budget.
export type RateLimitPolicy = {
  perKeyPerMinute: number;
  perUserPerMinute: number;
};

// An executor reporting every failed run of 100 filters every few seconds stays well under.
export const defaultRateLimitPolicy: RateLimitPolicy = {
  perKeyPerMinute: 6_000,
  perUserPerMinute: 12_000,
};

export function getIngestRateLimitPolicy(): RateLimitPolicy {
  return {
    perKeyPerMinute: env.INGEST_RATE_LIMIT_PER_KEY,
    perUserPerMinute: env.INGEST_RATE_LIMIT_PER_USER,
  };
}
