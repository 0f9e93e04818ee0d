import { describe, expect, it } from "vitest";
import { computeRetryDelayMs } from "@/lib/jobs/retry-delay";

describe("computeRetryDelayMs", () => {
  it("doubles per attempt, between half and all of the exponential delay", () => {
    expect(computeRetryDelayMs(1, () => 0)).toBe(15_000);
    expect(computeRetryDelayMs(1, () => 1)).toBe(30_000);
    expect(computeRetryDelayMs(2, () => 0)).toBe(30_000);
    expect(computeRetryDelayMs(3, () => 1)).toBe(120_000);
  });

  it("is capped at an hour", () => {
    expect(computeRetryDelayMs(20, () => 1)).toBe(3_600_000);
    expect(computeRetryDelayMs(20, () => 0)).toBe(1_800_000);
  });

  it("spreads retries with jitter", () => {
    const delays = new Set([0.1, 0.5, 0.9].map((r) => computeRetryDelayMs(4, () => r)));
    expect(delays.size).toBe(3);
  });
});
