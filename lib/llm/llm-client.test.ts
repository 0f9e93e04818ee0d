import { APICallError } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLlmClient } from "@/lib/llm/llm-client";
import { LlmError } from "@/lib/llm/llm-error";
import { createLlmResilience } from "@/lib/llm/llm-resilience";

const usage = {
  inputTokens: { total: 120, noCache: 120, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 30, text: 30, reasoning: undefined },
};

function modelAnswering(...texts: string[]) {
  let call = 0;
  return new MockLanguageModelV4({
    doGenerate: async () => {
      const text = texts[Math.min(call, texts.length - 1)]!;
      call += 1;
      return {
        content: [{ type: "text", text }],
        finishReason: { unified: "stop", raw: undefined },
        usage,
        warnings: [],
      };
    },
  });
}

const schema = z.object({ answer: z.string() });
const request = {
  schema,
  schemaName: "answer",
  instructions: "Answer.",
  messages: [{ role: "user" as const, content: "Question?" }],
};
const resilience = () =>
  createLlmResilience({
    maxRetries: 1,
    initialDelayMs: 1,
    maxDelayMs: 5,
    timeoutMs: 1_000,
    breakerThreshold: 3,
    halfOpenAfterMs: 1_000,
  });

describe("createLlmClient", () => {
  it("returns the parsed output with token usage", async () => {
    const client = createLlmClient({
      model: modelAnswering('{"answer":"42"}'),
      modelId: "gpt-4.1-mini",
      resilience: resilience(),
    });
    const result = await client.generateStructured(request);
    expect(result.output).toEqual({ answer: "42" });
    expect(result.usage).toEqual({ inputTokens: 120, outputTokens: 30 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(client.model).toBe("gpt-4.1-mini");
  });

  it("sends the instructions and messages to the model", async () => {
    const model = modelAnswering('{"answer":"ok"}');
    const client = createLlmClient({ model, modelId: "m", resilience: resilience() });
    await client.generateStructured(request);
    const prompt = JSON.stringify(model.doGenerateCalls[0]?.prompt);
    expect(prompt).toContain("Answer.");
    expect(prompt).toContain("Question?");
    expect(model.doGenerateCalls[0]?.responseFormat).toMatchObject({ type: "json" });
  });

  it("reports an answer that does not match the schema as invalid_output with its usage", async () => {
    const client = createLlmClient({
      model: modelAnswering('{"wrong":true}'),
      modelId: "m",
      resilience: resilience(),
    });
    const error = await client.generateStructured(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({
      code: "invalid_output",
      usage: { inputTokens: 120, outputTokens: 30 },
    });
  });

  it("maps provider failures to provider_error with the status", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new APICallError({
          message: "Incorrect API key provided.",
          url: "http://fake",
          requestBodyValues: {},
          statusCode: 401,
        });
      },
    });
    const client = createLlmClient({ model, modelId: "m", resilience: resilience() });
    await expect(client.generateStructured(request)).rejects.toMatchObject({
      code: "provider_error",
      status: 401,
      message: "The AI provider answered 401: Incorrect API key provided.",
    });
    expect(model.doGenerateCalls).toHaveLength(1);
  });
});
