import type { ServicePolicyOptions } from "@/lib/resilience/service-policy-options";

/** Service policy numbers for circuit tests: no retries, opens after two failures, probes soon. */
export function testSizedPolicy(halfOpenAfterMs: number): ServicePolicyOptions {
  return {
    maxRetries: 0,
    initialDelayMs: 1,
    maxDelayMs: 10,
    timeoutMs: 2_000,
    breakerThreshold: 2,
    halfOpenAfterMs,
  };
}
