import { describe, expect, it, vi } from "vitest";

describe("getMetrics", () => {
  it("survives the module being evaluated again (hot reload) without re-registering", async () => {
    const first = await import("@/lib/metrics/metrics-registry");
    const metrics = first.getMetrics();
    metrics.rateLimited.inc();
    vi.resetModules();
    const second = await import("@/lib/metrics/metrics-registry");
    expect(second).not.toBe(first);
    expect(second.getMetrics()).toBe(metrics);
    const body = await second.getMetrics().registry.metrics();
    expect(body.match(/^# TYPE faultline_ingest_rate_limited_total /gm)).toHaveLength(1);
  });
});
