import type { ResilientService } from "@/lib/resilience/service-policy-options";

// Thrown instead of calling a provider whose circuit is open: the caller degrades
// (in-app only, skip the publish, retry the job later) without waiting on a timeout.
export class CircuitOpenError extends Error {
  readonly service: ResilientService;
  readonly retryAfterSeconds: number;

  constructor(service: ResilientService, retryAfterSeconds: number) {
    super(`The ${service} circuit is open; the next try is allowed in ${retryAfterSeconds} s.`);
    this.name = "CircuitOpenError";
    this.service = service;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class ServiceTimeoutError extends Error {
  readonly service: ResilientService;
  readonly timeoutMs: number;

  constructor(service: ResilientService, timeoutMs: number, options?: ErrorOptions) {
    super(`The ${service} call did not finish within ${timeoutMs} ms.`, options);
    this.name = "ServiceTimeoutError";
    this.service = service;
    this.timeoutMs = timeoutMs;
  }
}
