import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

// Seconds. Persisting one event is a few ms; the tail buckets catch a struggling database.
const PERSIST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const REQUEST_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

function createMetrics() {
  // Our own registry, not prom-client's global one: nothing else can register into it,
  // and tests or hot reload that re-evaluate this module reuse the cached instance below
  // instead of failing with "metric already registered".
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    persistSuccess: new Counter({
      name: "trader_error_persist_success_total",
      help: "Trader error events written to the database.",
      registers: [registry],
    }),
    persistFailures: new Counter({
      name: "trader_error_persist_failures_total",
      help: "Trader error events that could not be written to the database.",
      registers: [registry],
    }),
    persistDuration: new Histogram({
      name: "trader_error_persist_duration_seconds",
      help: "Time to persist trader error events, successful or not.",
      buckets: PERSIST_BUCKETS,
      registers: [registry],
    }),
    ingestRequests: new Counter({
      name: "faultline_ingest_requests_total",
      help: "Ingest API requests by HTTP status.",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    ingestDuration: new Histogram({
      name: "faultline_ingest_request_duration_seconds",
      help: "Ingest API request duration.",
      buckets: REQUEST_BUCKETS,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "faultline_ingest_rate_limited_total",
      help: "Ingest API requests rejected by a rate limit.",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { faultlineMetrics?: Metrics };

export function getMetrics(): Metrics {
  globalForMetrics.faultlineMetrics ??= createMetrics();
  return globalForMetrics.faultlineMetrics;
}
