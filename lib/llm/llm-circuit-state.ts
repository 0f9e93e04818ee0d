import {
  createLlmResilience,
  type LlmCircuitState,
  type LlmResilience,
} from "@/lib/llm/llm-resilience";

// One breaker per process, shared by every caller: a breaker per request never opens.
const globalForLlm = globalThis as unknown as { faultlineLlmResilience?: LlmResilience };

export function getDefaultLlmResilience(): LlmResilience {
  globalForLlm.faultlineLlmResilience ??= createLlmResilience();
  return globalForLlm.faultlineLlmResilience;
}

// For health checks and the UI: is the AI provider currently being given a rest?
export function getLlmCircuitState(): LlmCircuitState {
  return getDefaultLlmResilience().getState();
}
