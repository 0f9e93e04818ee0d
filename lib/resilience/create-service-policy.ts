import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  handleWhen,
  type IBackoff,
  retry,
  TaskCancelledError,
  TimeoutStrategy,
  timeout,
} from "cockatiel";
import { CircuitOpenError, ServiceTimeoutError } from "@/lib/resilience/service-policy-errors";
import type {
  ResilientService,
  ServicePolicyOptions,
} from "@/lib/resilience/service-policy-options";
import { logSystemError } from "@/lib/system-errors/log-system-error";
import type { SystemErrorComponent } from "@/lib/system-errors/system-error-component";

export type CircuitSnapshot = {
  state: "closed" | "open" | "half_open";
  /** While open: seconds until a probe call is allowed. */
  retryAfterSeconds: number | null;
  openedAt: string | null;
  lastFailure: string | null;
};

export type CircuitTransition =
  | { state: "open"; failure: string; threshold: number; retryAfterSeconds: number }
  | { state: "half_open" }
  | { state: "closed" };

export type ServicePolicy = {
  execute<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T>;
  getState(): CircuitSnapshot;
};

export type CreateServicePolicyInput = {
  service: ResilientService;
  options: ServicePolicyOptions;
  /** Only these failures are retried and counted by the breaker (a 4xx is the caller's fault). */
  isTransient: (error: Error) => boolean;
  /** A provider's own "try again in" (Retry-After), capped at maxDelayMs. */
  readRetryAfterMs?: (error: Error) => number | undefined;
  onTransition?: (transition: CircuitTransition) => void;
};

const componentOf: Record<ResilientService, SystemErrorComponent> = {
  llm: "llm",
  email: "email",
  realtime: "realtime",
  deploy_webhook: "deploy",
};

// What stops while each circuit is open, for the admin reading the system error.
const openMessageOf: Record<ResilientService, string> = {
  llm: "The AI provider circuit opened after repeated failures; AI fixes are paused (manual fixes still work).",
  email:
    "The email provider circuit opened after repeated failures; notifications stay in-app and emails are retried later.",
  realtime:
    "The Pusher circuit opened after repeated failures; live updates are skipped until it recovers (pages still load fresh data).",
  deploy_webhook:
    "The deploy webhook circuit opened after repeated failures; webhooks are retried later by their jobs.",
};

const labelOf: Record<ResilientService, string> = {
  llm: "AI provider",
  email: "email provider",
  realtime: "Pusher",
  deploy_webhook: "deploy webhook",
};

// Every transition is a system error (the admin console's history of provider outages):
// high when a provider is cut off, low for the probe and the recovery.
export function logCircuitTransition(
  service: ResilientService,
  transition: CircuitTransition,
): void {
  const label = labelOf[service];
  const byState = {
    open: { severity: "high", message: openMessageOf[service] },
    half_open: {
      severity: "low",
      message: `The ${label} circuit is half-open: the next call probes the provider.`,
    },
    closed: {
      severity: "low",
      message: `The ${label} circuit closed: the probe succeeded and calls resumed.`,
    },
  } as const;
  const suffix = { open: "opened", half_open: "half_open", closed: "closed" }[transition.state];
  const { state, ...details } = transition;
  void logSystemError({
    ...byState[state],
    errorType: `${service}_circuit_${suffix}`,
    component: componentOf[service],
    context: { service, state, ...details },
  });
}

function describeFailure(reason: { error: Error } | { value: unknown }): string {
  return "error" in reason ? reason.error.message.slice(0, 300) : "unexpected result";
}

// Decorrelated-jitter exponential backoff, unless the provider said how long to wait.
function createBackoff(
  options: ServicePolicyOptions,
  readRetryAfterMs: (error: Error) => number | undefined,
) {
  const exponential = new ExponentialBackoff({
    initialDelay: options.initialDelayMs,
    maxDelay: options.maxDelayMs,
  });
  return new DelegateBackoff<{ result: { error: Error } | { value: unknown } }, IBackoff<unknown>>(
    (context, previous) => {
      const next = (previous ?? exponential).next(undefined);
      const asked = "error" in context.result ? readRetryAfterMs(context.result.error) : undefined;
      const delay = asked === undefined ? next.duration : Math.min(asked, options.maxDelayMs);
      return { delay, state: next };
    },
  );
}

/**
 * One cockatiel policy for calls to a named provider. Timeout inside retry inside the
 * breaker: each try is bounded, a call fails only after its retries, and the breaker
 * counts failed calls rather than tries. An open circuit throws CircuitOpenError, a
 * try that runs out of time ServiceTimeoutError; other failures pass through unchanged.
 */
export function createServicePolicy({
  service,
  options,
  isTransient,
  readRetryAfterMs = () => undefined,
  onTransition = (transition) => logCircuitTransition(service, transition),
}: CreateServicePolicyInput): ServicePolicy {
  // A timeout is transient by nature, whatever the service's own rule says.
  const transient = handleWhen(
    (error) => error instanceof TaskCancelledError || isTransient(error),
  );
  const perTry = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  const retries = retry(transient, {
    maxAttempts: options.maxRetries,
    backoff: createBackoff(options, readRetryAfterMs),
  });
  const breaker = circuitBreaker(transient, {
    halfOpenAfter: options.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.breakerThreshold),
  });
  let openedAt: number | null = null;
  let lastFailure: string | null = null;
  breaker.onBreak((reason) => {
    openedAt = Date.now();
    lastFailure = "isolated" in reason ? "isolated" : describeFailure(reason);
    onTransition({
      state: "open",
      failure: lastFailure,
      threshold: options.breakerThreshold,
      retryAfterSeconds: Math.ceil(options.halfOpenAfterMs / 1_000),
    });
  });
  breaker.onHalfOpen(() => onTransition({ state: "half_open" }));
  breaker.onReset(() => {
    openedAt = null;
    onTransition({ state: "closed" });
  });

  const secondsUntilProbe = (): number => {
    if (openedAt === null) return 0;
    return Math.max(Math.ceil((openedAt + options.halfOpenAfterMs - Date.now()) / 1_000), 0);
  };

  return {
    async execute(call) {
      try {
        return await breaker.execute(() =>
          retries.execute(() =>
            perTry.execute(async ({ signal }) => {
              try {
                return await call(signal);
              } catch (error) {
                // The call's own abort error can win the race against the timeout's.
                if (signal.aborted) throw new TaskCancelledError("The call timed out.");
                throw error;
              }
            }),
          ),
        );
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new CircuitOpenError(service, Math.max(secondsUntilProbe(), 1));
        }
        if (error instanceof TaskCancelledError) {
          throw new ServiceTimeoutError(service, options.timeoutMs, { cause: error });
        }
        throw error;
      }
    },
    getState() {
      if (breaker.state === CircuitState.Closed) {
        return { state: "closed", retryAfterSeconds: null, openedAt: null, lastFailure };
      }
      const seconds = secondsUntilProbe();
      const isProbing = breaker.state === CircuitState.HalfOpen || seconds === 0;
      return {
        state: isProbing ? "half_open" : "open",
        retryAfterSeconds: isProbing ? null : seconds,
        openedAt: openedAt === null ? null : new Date(openedAt).toISOString(),
        lastFailure,
      };
    },
  };
}
