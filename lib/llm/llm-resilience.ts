import { isTransientLlmError, readRetryAfterMs } from "@/lib/llm/is-transient-llm-error";
import { circuitOpenError, LlmError } from "@/lib/llm/llm-error";
import {
  type CircuitSnapshot,
  type CircuitTransition,
  createServicePolicy,
  logCircuitTransition,
  type ServicePolicy,
} from "@/lib/resilience/create-service-policy";
import { CircuitOpenError, ServiceTimeoutError } from "@/lib/resilience/service-policy-errors";
import {
  defaultServicePolicyOptions,
  type ServicePolicyOptions,
} from "@/lib/resilience/service-policy-options";

// The LLM's policy is the shared service policy (lib/resilience) with its own transient
// rule, Retry-After and typed LlmErrors; these names stay for the LLM's callers.
export type LlmResilienceOptions = ServicePolicyOptions;
export type LlmCircuitState = CircuitSnapshot;
export type LlmCircuitTransition = CircuitTransition;
export type LlmResilience = ServicePolicy;

export function createLlmResilience(
  options: LlmResilienceOptions = defaultServicePolicyOptions.llm,
  onTransition: (transition: LlmCircuitTransition) => void = (transition) =>
    logCircuitTransition("llm", transition),
): LlmResilience {
  const policy = createServicePolicy({
    service: "llm",
    options,
    isTransient: isTransientLlmError,
    readRetryAfterMs,
    onTransition,
  });
  return {
    async execute(call) {
      try {
        return await policy.execute(call);
      } catch (error) {
        if (error instanceof CircuitOpenError) throw circuitOpenError(error.retryAfterSeconds);
        if (error instanceof ServiceTimeoutError) {
          throw new LlmError(
            "timeout",
            `The AI provider did not answer within ${Math.round(options.timeoutMs / 1_000)} s.`,
            { cause: error },
          );
        }
        throw error;
      }
    },
    getState: () => policy.getState(),
  };
}
