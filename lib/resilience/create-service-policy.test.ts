import { describe, expect, it } from "vitest";
import {
  type CircuitTransition,
  createServicePolicy,
} from "@/lib/resilience/create-service-policy";
import {
  getServiceCircuitSummary,
  setServicePolicy,
} from "@/lib/resilience/service-circuit-registry";
import { CircuitOpenError, ServiceTimeoutError } from "@/lib/resilience/service-policy-errors";
import type { ServicePolicyOptions } from "@/lib/resilience/service-policy-options";

const fast: ServicePolicyOptions = {
  maxRetries: 2,
  initialDelayMs: 1,
  maxDelayMs: 20,
  timeoutMs: 200,
  breakerThreshold: 2,
  halfOpenAfterMs: 300,
};

class ProviderError extends Error {
  constructor(readonly status: number) {
    super(`status ${status}`);
  }
}

const isTransient = (error: Error) => error instanceof ProviderError && error.status >= 500;

function createPolicy(options = fast, transitions: CircuitTransition[] = []) {
  return createServicePolicy({
    service: "email",
    options,
    isTransient,
    onTransition: (transition) => transitions.push(transition),
  });
}

function failing(status: number) {
  let calls = 0;
  return {
    call: async (): Promise<string> => {
      calls += 1;
      throw new ProviderError(status);
    },
    calls: () => calls,
  };
}

describe("createServicePolicy", () => {
  it("retries transient failures with backoff and returns the first success", async () => {
    const policy = createPolicy();
    let calls = 0;
    const result = await policy.execute(async () => {
      calls += 1;
      if (calls < 3) throw new ProviderError(503);
      return "ok";
    });
    expect(result).toBe("ok");
    expect(calls).toBe(3);
  });

  it("neither retries nor counts a failure that is not transient", async () => {
    const policy = createPolicy();
    const rejected = failing(422);
    for (let call = 0; call < fast.breakerThreshold + 1; call += 1) {
      await expect(policy.execute(rejected.call)).rejects.toBeInstanceOf(ProviderError);
    }
    expect(rejected.calls()).toBe(fast.breakerThreshold + 1);
    expect(policy.getState().state).toBe("closed");
  });

  it("opens after consecutive failed calls, fails fast, then a good probe closes it", async () => {
    const transitions: CircuitTransition[] = [];
    const policy = createPolicy(fast, transitions);
    const outage = failing(500);
    for (let call = 0; call < fast.breakerThreshold; call += 1) {
      await expect(policy.execute(outage.call)).rejects.toBeInstanceOf(ProviderError);
    }
    expect(outage.calls()).toBe(fast.breakerThreshold * (fast.maxRetries + 1));

    const rejection = await policy.execute(outage.call).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(CircuitOpenError);
    expect(rejection).toMatchObject({ service: "email", retryAfterSeconds: 1 });
    expect(outage.calls()).toBe(fast.breakerThreshold * (fast.maxRetries + 1));
    expect(policy.getState()).toMatchObject({
      state: "open",
      retryAfterSeconds: 1,
      lastFailure: "status 500",
    });

    await new Promise((resolve) => setTimeout(resolve, fast.halfOpenAfterMs + 20));
    expect(policy.getState().state).toBe("half_open");
    await expect(policy.execute(async () => "back")).resolves.toBe("back");
    expect(policy.getState()).toMatchObject({ state: "closed", openedAt: null });
    expect(transitions).toEqual([
      { state: "open", failure: "status 500", threshold: 2, retryAfterSeconds: 1 },
      { state: "half_open" },
      { state: "closed" },
    ]);
  });

  it("re-opens when the half-open probe fails", async () => {
    const transitions: CircuitTransition[] = [];
    const policy = createPolicy({ ...fast, maxRetries: 0 }, transitions);
    const outage = failing(500);
    for (let call = 0; call < fast.breakerThreshold; call += 1) {
      await expect(policy.execute(outage.call)).rejects.toBeInstanceOf(ProviderError);
    }
    await new Promise((resolve) => setTimeout(resolve, fast.halfOpenAfterMs + 20));
    await expect(policy.execute(outage.call)).rejects.toBeInstanceOf(ProviderError);
    expect(policy.getState().state).toBe("open");
    expect(transitions.map((transition) => transition.state)).toEqual([
      "open",
      "half_open",
      "open",
    ]);
  });

  it("bounds each try and reports a hung call as a timeout after its retries", async () => {
    const policy = createPolicy({ ...fast, maxRetries: 1, timeoutMs: 30 });
    let calls = 0;
    const hang = (signal: AbortSignal) =>
      new Promise<string>((_, reject) => {
        calls += 1;
        signal.addEventListener("abort", () => reject(new Error("aborted")));
      });
    await expect(policy.execute(hang)).rejects.toBeInstanceOf(ServiceTimeoutError);
    expect(calls).toBe(2);
  });
});

describe("getServiceCircuitSummary", () => {
  it("reports the worst target of a service and how many are not closed", async () => {
    const healthy = createServicePolicy({
      service: "deploy_webhook",
      options: fast,
      isTransient,
      onTransition: () => undefined,
    });
    const dead = createServicePolicy({
      service: "deploy_webhook",
      options: { ...fast, maxRetries: 0 },
      isTransient,
      onTransition: () => undefined,
    });
    setServicePolicy("deploy_webhook", healthy, "https://up.example");
    setServicePolicy("deploy_webhook", dead, "https://down.example");
    expect(getServiceCircuitSummary("deploy_webhook")).toMatchObject({
      state: "closed",
      openTargets: 0,
    });
    for (let call = 0; call < fast.breakerThreshold; call += 1) {
      await expect(dead.execute(failing(502).call)).rejects.toBeInstanceOf(ProviderError);
    }
    expect(getServiceCircuitSummary("deploy_webhook")).toMatchObject({
      state: "open",
      openTargets: 1,
    });
    expect(getServiceCircuitSummary("email")).toMatchObject({ state: "closed", openTargets: 0 });
  });
});
