export type ResilientService = "llm" | "email" | "realtime" | "deploy_webhook";

export type ServicePolicyOptions = {
  /** Retries after the first try, for transient failures only. */
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** Per try; the retry starts a fresh timeout. */
  timeoutMs: number;
  /** Consecutive failed calls (after their retries) that open the circuit. */
  breakerThreshold: number;
  /** How long the circuit stays open before one probe call is let through. */
  halfOpenAfterMs: number;
};

// In-call retries stay small: the job outbox already retries for minutes to hours
// (lib/jobs/retry-delay.ts); these only ride out a blip inside one attempt.
export const defaultServicePolicyOptions: Record<ResilientService, ServicePolicyOptions> = {
  llm: {
    maxRetries: 2,
    initialDelayMs: 500,
    maxDelayMs: 10_000,
    timeoutMs: 60_000,
    breakerThreshold: 5,
    halfOpenAfterMs: 60_000,
  },
  // No in-call retry: a 429 or 5xx is recorded as `failed` on the email row at once and
  // the notification job's backoff (15 s and up) is the right wait for Resend.
  email: {
    maxRetries: 0,
    initialDelayMs: 250,
    maxDelayMs: 2_000,
    timeoutMs: 10_000,
    breakerThreshold: 5,
    halfOpenAfterMs: 60_000,
  },
  // Publishing runs after the response: short tries, no long waits.
  realtime: {
    maxRetries: 1,
    initialDelayMs: 100,
    maxDelayMs: 1_000,
    timeoutMs: 5_000,
    breakerThreshold: 5,
    halfOpenAfterMs: 30_000,
  },
  // No in-call retry either: a 5xx or 429 fails the job's attempt, whose backoff gives a
  // restarting receiver time; the breaker (per receiver host) stops hammering a dead one.
  deploy_webhook: {
    maxRetries: 0,
    initialDelayMs: 500,
    maxDelayMs: 5_000,
    timeoutMs: 10_000,
    breakerThreshold: 5,
    halfOpenAfterMs: 60_000,
  },
};
