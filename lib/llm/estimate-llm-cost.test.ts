import { describe, expect, it } from "vitest";
import { estimateLlmCostUsd } from "@/lib/llm/estimate-llm-cost";

describe("estimateLlmCostUsd", () => {
  it("prices known models and their dated snapshots", () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 500_000 };
    expect(estimateLlmCostUsd("gpt-4.1-mini", usage)).toBe(1.2);
    expect(estimateLlmCostUsd("gpt-4.1-mini-2025-04-14", usage)).toBe(1.2);
    expect(estimateLlmCostUsd("gpt-4.1", usage)).toBe(6);
  });

  it("records unknown models at zero instead of guessing", () => {
    expect(estimateLlmCostUsd("my-gateway-model", { inputTokens: 10, outputTokens: 10 })).toBe(0);
  });

  it("rounds to the column's six decimals", () => {
    expect(estimateLlmCostUsd("gpt-4.1-mini", { inputTokens: 1, outputTokens: 1 })).toBe(0.000002);
  });
});
