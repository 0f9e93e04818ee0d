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
import { isTransientLlmError, readRetryAfterMs } from "@/lib/llm/is-transient-llm-error";
import { circuitOpenError, LlmError } from "@/lib/llm/llm-error";
import { logSystemError } from "@/lib/system-errors/log-system-error";

export type LlmResilienceOptions = {
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

const defaultLlmResilienceOptions: LlmResilienceOptions = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  timeoutMs: 60_000,
  breakerThreshold: 5,
  halfOpenAfterMs: 60_000,
};

export type LlmCircuitState = {
  state: "closed" | "open" | "half_open";
  /** While open: seconds until a probe call is allowed. */
  retryAfterSeconds: number | null;
  openedAt: string | null;
  lastFailure: string | null;
};

export type LlmCircuitTransition =
  | { state: "open"; failure: string; threshold: number; retryAfterSeconds: number }
  | { state: "half_open" }
  | { state: "closed" };

// Every transition is a system error (the admin console's history of provider outages):
// high when AI fixes stop, low for the probe and the recovery.
function logCircuitTransition(transition: LlmCircuitTransition): void {
  const byState = {
    open: {
      errorType: "llm_circuit_opened",
      severity: "high",
      message:
        "The AI provider circuit opened after repeated failures; AI fixes are paused (manual fixes still work).",
    },
    half_open: {
      errorType: "llm_circuit_half_open",
      severity: "low",
      message: "The AI provider circuit is half-open: the next call probes the provider.",
    },
    closed: {
      errorType: "llm_circuit_closed",
      severity: "low",
      message: "The AI provider circuit closed: the probe succeeded and AI fixes resumed.",
    },
  } as const;
  const { state, ...details } = transition;
  void logSystemError({
    ...byState[state],
    component: "llm",
    context: { state, ...details },
  });
}

export type LlmResilience = {
  execute<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T>;
  getState(): LlmCircuitState;
};

function describeFailure(reason: { error: Error } | { value: unknown }): string {
  return "error" in reason ? reason.error.message.slice(0, 300) : "unexpected result";
}

// Decorrelated-jitter exponential backoff, unless the provider said how long to wait.
function createBackoff(options: LlmResilienceOptions) {
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

// Timeout inside retry inside the breaker: each try is bounded, a call fails only
// after its retries, and the breaker counts failed calls rather than tries.
export function createLlmResilience(
  options: LlmResilienceOptions = defaultLlmResilienceOptions,
  onTransition: (transition: LlmCircuitTransition) => void = logCircuitTransition,
): LlmResilience {
  const transient = handleWhen(isTransientLlmError);
  const perTry = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  const retries = retry(transient, {
    maxAttempts: options.maxRetries,
    backoff: createBackoff(options),
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
        if (error instanceof BrokenCircuitError)
          throw circuitOpenError(Math.max(secondsUntilProbe(), 1));
        if (error instanceof TaskCancelledError) {
          throw new LlmError(
            "timeout",
            `The AI provider did not answer within ${Math.round(options.timeoutMs / 1_000)} s.`,
            { cause: error },
          );
        }
        throw error;
      }
    },
    getState() {
      const state = breaker.state;
      if (state === CircuitState.Closed) {
        return { state: "closed", retryAfterSeconds: null, openedAt: null, lastFailure };
      }
      const seconds = secondsUntilProbe();
      const isProbing = state === CircuitState.HalfOpen || seconds === 0;
      return {
        state: isProbing ? "half_open" : "open",
        retryAfterSeconds: isProbing ? null : seconds,
        openedAt: openedAt === null ? null : new Date(openedAt).toISOString(),
        lastFailure,
      };
    },
  };
}
