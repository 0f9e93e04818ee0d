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
} from "cockatiel";
import { type ApiClient, describeError, describeProblem } from "@/executor/api-client";
import { parseRetryAfterMs } from "@/executor/parse-retry-after";
import type { Spool, SpoolEntry } from "@/executor/spool";

// What the spool holds for the sender: where to POST and what.
export type OutgoingReport = { path: string; body: unknown };

export type ReportAnswer =
  | { kind: "delivered"; status: number; body: unknown }
  | { kind: "rejected"; status: number; body: unknown };

export type SenderCounters = { sent: number; retried: number; dropped: number; pending: number };

export type SenderPolicy = {
  /** Retries per drain after the first try; the entry stays spooled when they run out. */
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** A server asking for longer than this is retried after this long instead. */
  maxRetryAfterMs: number;
  /** Consecutive failed requests that open the circuit. */
  breakerThreshold: number;
  /** How long the circuit stays open before one probe request is let through. */
  halfOpenAfterMs: number;
};

export const defaultSenderPolicy: SenderPolicy = {
  maxRetries: 4,
  initialDelayMs: 250,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 60_000,
  breakerThreshold: 5,
  halfOpenAfterMs: 10_000,
};

export type DrainResult = "empty" | "circuit_open" | "gave_up" | "stopped";

export type BreakerState = "closed" | "open" | "half_open";

export type ReportSender<T extends OutgoingReport> = {
  /** Sends head first until the spool is empty or the server keeps failing. */
  drain(signal?: AbortSignal): Promise<DrainResult>;
  counters(): SenderCounters;
  breakerState(): BreakerState;
  readonly spool: Spool<T>;
};

// 408 and 429 say "not now", 5xx say "not us": worth another try. Other 4xx would
// be refused the same way forever.
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

class TransientReportError extends Error {
  readonly retryAfterMs: number | undefined;

  constructor(message: string, retryAfterMs?: number, options?: ErrorOptions) {
    super(message, options);
    this.name = "TransientReportError";
    this.retryAfterMs = retryAfterMs;
  }
}

// Jittered exponential backoff (cockatiel's decorrelated jitter), unless the server
// said how long to wait.
function createBackoff(policy: SenderPolicy) {
  const exponential = new ExponentialBackoff({
    initialDelay: policy.initialDelayMs,
    maxDelay: policy.maxDelayMs,
  });
  return new DelegateBackoff<{ result: { error: Error } | { value: unknown } }, IBackoff<unknown>>(
    (context, previous) => {
      const next = (previous ?? exponential).next(undefined);
      const error = "error" in context.result ? context.result.error : undefined;
      const asked = error instanceof TransientReportError ? error.retryAfterMs : undefined;
      const delay = asked === undefined ? next.duration : Math.min(asked, policy.maxRetryAfterMs);
      return { delay, state: next };
    },
  );
}

const breakerStates: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half_open",
  [CircuitState.Isolated]: "open",
};

// Drains the spool towards the server. An entry leaves the spool only on a definitive
// answer: 2xx (sent) or a 4xx other than 408/429 (dropped). Network errors, 408, 429
// and 5xx are retried; the breaker sits inside the retry so each request counts, and
// while it is open nothing is sent until a single half-open probe succeeds.
export function createReportSender<T extends OutgoingReport>(options: {
  spool: Spool<T>;
  client: ApiClient;
  policy?: Partial<SenderPolicy>;
  onAnswer?: (entry: SpoolEntry<T>, answer: ReportAnswer) => void;
  onBreakerChange?: (state: BreakerState) => void;
  log?: (line: string) => void;
}): ReportSender<T> {
  const policy = { ...defaultSenderPolicy, ...options.policy };
  const { spool, client } = options;
  const log = options.log ?? (() => {});
  const transient = handleWhen((error) => error instanceof TransientReportError);
  const breaker = circuitBreaker(transient, {
    halfOpenAfter: policy.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(policy.breakerThreshold),
  });
  breaker.onStateChange((state) => options.onBreakerChange?.(breakerStates[state]));
  const retries = retry(transient, {
    maxAttempts: policy.maxRetries,
    backoff: createBackoff(policy),
  });
  const counters = { sent: 0, retried: 0, dropped: 0 };
  // Seqs already sent once by this process: a second request for one is a retry,
  // whether it comes from the retry policy or from a later drain.
  const attempted = new Set<number>();

  async function sendOnce(entry: SpoolEntry<T>, signal?: AbortSignal): Promise<ReportAnswer> {
    if (attempted.has(entry.seq)) counters.retried += 1;
    attempted.add(entry.seq);
    let response: Awaited<ReturnType<ApiClient["send"]>>;
    try {
      response = await client.send("POST", entry.payload.path, {
        body: entry.payload.body,
        signal,
      });
    } catch (error) {
      // No answer at all (refused, reset, timed out): the server never decided.
      throw new TransientReportError(
        `POST ${entry.payload.path} failed: ${describeError(error)}`,
        undefined,
        {
          cause: error,
        },
      );
    }
    const { status, body } = response;
    if (status >= 200 && status <= 299) return { kind: "delivered", status, body };
    if (isRetryableStatus(status)) {
      throw new TransientReportError(
        `POST ${entry.payload.path} answered ${status}: ${describeProblem(body)}`,
        parseRetryAfterMs(response.headers.get("retry-after")),
      );
    }
    return { kind: "rejected", status, body };
  }

  function settle(entry: SpoolEntry<T>, answer: ReportAnswer): void {
    spool.ack(entry.seq);
    attempted.delete(entry.seq);
    if (answer.kind === "delivered") {
      counters.sent += 1;
    } else {
      counters.dropped += 1;
      log(
        `dropped report #${entry.seq} (POST ${entry.payload.path}): ${answer.status} ${describeProblem(answer.body)}`,
      );
    }
    options.onAnswer?.(entry, answer);
  }

  let draining: Promise<DrainResult> | null = null;

  async function drainLoop(signal?: AbortSignal): Promise<DrainResult> {
    for (let entry = spool.peek(); entry; entry = spool.peek()) {
      if (signal?.aborted) return "stopped";
      const current = entry;
      try {
        const answer = await retries.execute(
          () => breaker.execute(() => sendOnce(current, signal)),
          signal,
        );
        settle(current, answer);
      } catch (error) {
        // Stopping mid-request leaves the entry spooled: the next start resends it and
        // the server answers already_processed if the first one did arrive.
        if (signal?.aborted) return "stopped";
        if (error instanceof BrokenCircuitError) return "circuit_open";
        if (error instanceof TransientReportError) {
          log(`report #${current.seq} still pending: ${error.message}`);
          return "gave_up";
        }
        throw error;
      }
    }
    return "empty";
  }

  return {
    spool,
    // One drain at a time: a second caller waits for the running one.
    drain(signal) {
      draining ??= drainLoop(signal).finally(() => {
        draining = null;
      });
      return draining;
    },
    counters: () => ({ ...counters, pending: spool.size }),
    breakerState: () => breakerStates[breaker.state],
  };
}
