import type { LlmTokenUsage } from "@/lib/llm/llm-error";

// USD per million tokens (input, output), OpenAI list prices. An unknown model
// (a gateway, a fine-tune) is recorded at 0 rather than guessed.
const pricePerMillion: Record<string, { input: number; output: number }> = {
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-5": { input: 1.25, output: 10 },
  "gpt-5-mini": { input: 0.25, output: 2 },
  "gpt-5-nano": { input: 0.05, output: 0.4 },
  "o4-mini": { input: 1.1, output: 4.4 },
};

// Dated snapshots ("gpt-4.1-mini-2025-04-14") cost what their family costs.
function findPrice(model: string) {
  const exact = pricePerMillion[model];
  if (exact) return exact;
  const family = Object.keys(pricePerMillion)
    .filter((name) => model.startsWith(`${name}-2`))
    .sort((a, b) => b.length - a.length)[0];
  return family ? pricePerMillion[family] : undefined;
}

export function estimateLlmCostUsd(model: string, usage: LlmTokenUsage): number {
  const price = findPrice(model);
  if (!price) return 0;
  const cost = (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
  return Math.round(cost * 1_000_000) / 1_000_000;
}
