import { describe, expect, it } from "vitest";
import { getMetrics } from "@/lib/metrics/metrics-registry";
import { withIngestMetrics } from "@/lib/metrics/with-ingest-metrics";

async function counts() {
  const { ingestRequests, ingestDuration, rateLimited } = getMetrics();
  const byStatus = Object.fromEntries(
    (await ingestRequests.get()).values.map((value) => [value.labels.status, value.value]),
  );
  const durationCount = (await ingestDuration.get()).values.find(
    (value) => value.metricName === "faultline_ingest_request_duration_seconds_count",
  );
  return {
    byStatus,
    durations: durationCount?.value ?? 0,
    rateLimited: (await rateLimited.get()).values[0]?.value ?? 0,
  };
}

describe("withIngestMetrics", () => {
  it("records status and duration, and counts 429s as rate limited", async () => {
    const respond = withIngestMetrics(async (status: number) => new Response(null, { status }));
    await respond(201);
    await respond(429);
    await respond(429);
    const after = await counts();
    expect(after.byStatus).toMatchObject({ "201": 1, "429": 2 });
    expect(after.durations).toBe(3);
    expect(after.rateLimited).toBe(2);
  });

  it("records a 500 when the handler throws, and rethrows", async () => {
    const before = await counts();
    const failing = withIngestMetrics(async () => {
      throw new Error("boom");
    });
    await expect(failing()).rejects.toThrow("boom");
    const after = await counts();
    expect(after.byStatus["500"]).toBe((before.byStatus["500"] ?? 0) + 1);
    expect(after.rateLimited).toBe(before.rateLimited);
  });
});
