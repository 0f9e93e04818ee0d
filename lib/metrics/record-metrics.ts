import { getMetrics } from "@/lib/metrics/metrics-registry";

export type PersistOutcome = "success" | "failure";

// One call per persisted batch attempt; `events` lets a batch of N count N.
export function recordPersist(outcome: PersistOutcome, seconds: number, events = 1): void {
  const metrics = getMetrics();
  const counter = outcome === "success" ? metrics.persistSuccess : metrics.persistFailures;
  counter.inc(events);
  metrics.persistDuration.observe(seconds);
}

export function recordIngestRequest(status: number, seconds: number): void {
  const metrics = getMetrics();
  metrics.ingestRequests.inc({ status: String(status) });
  metrics.ingestDuration.observe(seconds);
}

export function recordRateLimited(): void {
  getMetrics().rateLimited.inc();
}
