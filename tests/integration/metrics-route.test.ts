import { afterEach, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { withPublic } from "@/lib/http/route-wrappers";
import { createMetricsHandler } from "@/lib/metrics/metrics-handler";
import {
  recordIngestRequest,
  recordPersist,
  recordRateLimited,
} from "@/lib/metrics/record-metrics";
import { jsonRequest, noParams } from "@/tests/support/api-request";

const TOKEN = "metrics-token-for-tests-0123456789";

// lib/env reads METRICS_TOKEN once at start-up, so the token is injected here; the real
// route is checked separately with the test environment's (unset) token.
let configuredToken: string | undefined;
const GET = withPublic((request) => createMetricsHandler(() => configuredToken)(request));

function scrape(token?: string) {
  return GET(jsonRequest("/api/metrics", { token }), noParams);
}

// The value of one sample line, e.g. `name{label="x"} 3`; undefined when absent.
function sampleValue(body: string, sample: string): number | undefined {
  const line = body.split("\n").find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

async function scrapeBody(): Promise<string> {
  const response = await scrape(TOKEN);
  expect(response.status).toBe(200);
  return response.text();
}

describe("GET /api/metrics", () => {
  afterEach(() => {
    configuredToken = undefined;
  });

  it("is not served by the real route while METRICS_TOKEN is unset", async () => {
    const response = await metricsRoute(jsonRequest("/api/metrics", { token: TOKEN }), noParams);
    expect(response.status).toBe(404);
  });

  it("does not exist when no token is configured", async () => {
    configuredToken = undefined;
    const response = await scrape(TOKEN);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("trader_error_persist");
  });

  it.each([
    ["no bearer", undefined],
    ["a wrong token", "metrics-token-for-tests-0123456780"],
    ["a token of another length", "short"],
  ])("answers 401 to %s", async (_label, token) => {
    configuredToken = TOKEN;
    const response = await scrape(token);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.text()).not.toContain("trader_error_persist");
  });

  it("serves the recorded metrics in Prometheus text format", async () => {
    configuredToken = TOKEN;
    const samples = [
      "trader_error_persist_success_total",
      "trader_error_persist_failures_total",
      'trader_error_persist_duration_seconds_bucket{le="0.025"}',
      "trader_error_persist_duration_seconds_count",
      'faultline_ingest_requests_total{status="201"}',
      'faultline_ingest_requests_total{status="429"}',
      "faultline_ingest_request_duration_seconds_count",
      "faultline_ingest_rate_limited_total",
    ];
    const before = await scrapeBody();
    const valuesBefore = samples.map((sample) => sampleValue(before, sample) ?? 0);

    recordPersist("success", 0.02, 3);
    recordPersist("failure", 1.5);
    recordIngestRequest(201, 0.04);
    recordIngestRequest(429, 0.001);
    recordRateLimited();

    const response = await scrape(TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await response.text();
    expect(body).toContain("# TYPE trader_error_persist_success_total counter");
    expect(body).toContain("# TYPE trader_error_persist_duration_seconds histogram");
    const increments = samples.map(
      (sample, index) => (sampleValue(body, sample) ?? 0) - (valuesBefore[index] ?? 0),
    );
    // 3 events persisted and 1 failed; one of the two persist timings is ≤ 25 ms.
    expect(increments).toEqual([3, 1, 1, 2, 1, 1, 2, 1]);
    // Default process metrics come along.
    expect(body).toContain("process_cpu_user_seconds_total");
    expect(body).toContain("nodejs_heap_size_used_bytes");
  });
});
