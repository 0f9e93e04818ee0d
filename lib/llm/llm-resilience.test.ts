import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { LlmError } from "@/lib/llm/llm-error";
import {
  createLlmResilience,
  type LlmCircuitTransition,
  type LlmResilienceOptions,
} from "@/lib/llm/llm-resilience";

const fast: LlmResilienceOptions = {
  maxRetries: 2,
  initialDelayMs: 1,
  maxDelayMs: 20,
  timeoutMs: 200,
  breakerThreshold: 2,
  halfOpenAfterMs: 300,
};

function apiError(statusCode: number, headers: Record<string, string> = {}) {
  return new APICallError({
    message: `status ${statusCode}`,
    url: "http://fake/v1/responses",
    requestBodyValues: {},
    statusCode,
    responseHeaders: headers,
  });
}

function failing(error: Error) {
  let calls = 0;
  return {
    call: async (): Promise<string> => {
      calls += 1;
      throw error;
    },
    calls: () => calls,
  };
}

describe("createLlmResilience", () => {
  it("retries transient failures and returns the first success", async () => {
    const resilience = createLlmResilience(fast);
    let calls = 0;
    const result = await resilience.execute(async () => {
      calls += 1;
      if (calls < 3) throw apiError(calls === 1 ? 429 : 503);
      return "ok";
    });
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(resilience.getState().state).toBe("closed");
  });

  it("does not retry a request the provider rejected", async () => {
    const resilience = createLlmResilience(fast);
    const bad = failing(apiError(400));
    await expect(resilience.execute(bad.call)).rejects.toBeInstanceOf(APICallError);
    expect(bad.calls()).toBe(1);
  });

  // The breaker's cycle (open, half-open probe, closed) is the service policy's own test;
  // here: an open circuit surfaces as the LLM's typed error the UI explains.
  it("answers an open circuit with a typed LlmError that says what to do", async () => {
    const transitions: LlmCircuitTransition[] = [];
    const resilience = createLlmResilience(fast, (transition) => transitions.push(transition));
    const outage = failing(apiError(500));
    for (let call = 0; call < fast.breakerThreshold; call += 1) {
      await expect(resilience.execute(outage.call)).rejects.toBeInstanceOf(APICallError);
    }
    const rejection = await resilience.execute(outage.call).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(LlmError);
    expect(rejection).toMatchObject({ code: "circuit_open", retryAfterSeconds: 1 });
    expect((rejection as LlmError).message).toBe(
      "AI fixes are paused after repeated provider failures; try again in 1 s or fix manually.",
    );
    expect(outage.calls()).toBe(fast.breakerThreshold * (fast.maxRetries + 1));
    expect(transitions).toEqual([
      { state: "open", failure: "status 500", threshold: 2, retryAfterSeconds: 1 },
    ]);
  });

  it("turns a hung call into a typed timeout after its retries", async () => {
    const resilience = createLlmResilience({ ...fast, maxRetries: 1, timeoutMs: 30 });
    let calls = 0;
    const hang = (signal: AbortSignal) =>
      new Promise<string>((_, reject) => {
        calls += 1;
        signal.addEventListener("abort", () => reject(new Error("aborted")));
      });
    await expect(resilience.execute(hang)).rejects.toMatchObject({ code: "timeout" });
    expect(calls).toBe(2);
  });

  it("waits as long as Retry-After asks, within the maximum delay", async () => {
    const resilience = createLlmResilience({ ...fast, maxRetries: 1, maxDelayMs: 200 });
    const startedAt = Date.now();
    let calls = 0;
    await resilience.execute(async () => {
      calls += 1;
      if (calls === 1) throw apiError(429, { "retry-after-ms": "120" });
      return "ok";
    });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(110);
  });
});
