import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLlmClientFromConfig, type LlmClient } from "@/lib/llm/llm-client";
import type { LlmApiMode } from "@/lib/llm/llm-config";
import { LlmError } from "@/lib/llm/llm-error";
import { createLlmResilience, type LlmResilienceOptions } from "@/lib/llm/llm-resilience";
import { fixProposalSchema } from "@/lib/regeneration/fix-proposal-schema";
import {
  cannedError,
  cannedOutput,
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from "@/tests/support/fake-openai-server";

const API_KEY = "sk-test-llm-provider";
const MODEL = "gpt-4.1-mini";
const answer = {
  code: "export default function filter() { return false; }",
  explanation: "Nothing to do.",
  changes: ["Always returns false."],
};
const resilienceOptions: LlmResilienceOptions = {
  maxRetries: 2,
  initialDelayMs: 5,
  maxDelayMs: 20,
  timeoutMs: 2_000,
  breakerThreshold: 5,
  halfOpenAfterMs: 60_000,
};

// The real @ai-sdk/openai provider against the fake: what production sends and parses.
describe.each<LlmApiMode>(["responses", "chat"])("LLM client over the %s API", (mode) => {
  let fake: FakeOpenAiServer;
  const client = (
    overrides: { apiKey?: string; model?: string; timeoutMs?: number } = {},
  ): LlmClient =>
    createLlmClientFromConfig(
      {
        apiKey: overrides.apiKey ?? API_KEY,
        baseURL: fake.baseUrl,
        model: overrides.model ?? MODEL,
        mode,
      },
      createLlmResilience({ ...resilienceOptions, timeoutMs: overrides.timeoutMs ?? 2_000 }),
    );
  const ask = (llm: LlmClient) =>
    llm.generateStructured({
      schema: fixProposalSchema,
      schemaName: "filter_fix",
      instructions: "You repair trading filters.",
      messages: [{ role: "user", content: "Fix this filter." }],
    });

  beforeAll(async () => {
    fake = await startFakeOpenAiServer({ apiKey: API_KEY, model: MODEL });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it("requests a strict JSON schema and parses the structured answer", async () => {
    fake.enqueue(cannedOutput(answer, { input: 42, output: 7 }));

    const result = await ask(client());

    expect(result.output).toEqual(answer);
    expect(result.usage).toEqual({ inputTokens: 42, outputTokens: 7 });
    expect(fake.requests).toHaveLength(1);
    const { body, path, text } = fake.requests[0]!;
    expect(path).toBe(mode === "chat" ? "/v1/chat/completions" : "/v1/responses");
    expect(body.model).toBe(MODEL);
    const format =
      mode === "chat"
        ? (body.response_format as { json_schema: Record<string, unknown> }).json_schema
        : (body.text as { format: Record<string, unknown> }).format;
    expect(format).toMatchObject({
      name: "filter_fix",
      strict: true,
      schema: { type: "object", required: ["code", "explanation", "changes"] },
    });
    expect(text).toContain("You repair trading filters.");
    expect(text).toContain("Fix this filter.");
  });

  it("retries a rate limit and a server error, then succeeds", async () => {
    fake.enqueue(cannedError(429, "Rate limit reached"), cannedError(503), cannedOutput(answer));
    await expect(ask(client())).resolves.toMatchObject({ output: answer });
    expect(fake.requests).toHaveLength(3);
  });

  it("does not retry a rejected API key", async () => {
    const error = await ask(client({ apiKey: "sk-wrong" })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({
      code: "provider_error",
      status: 401,
      message: "The AI provider answered 401: Incorrect API key provided.",
    });
    expect(fake.requests).toEqual([expect.objectContaining({ authorized: false })]);
  });

  it("reports an unknown model as a provider error", async () => {
    await expect(ask(client({ model: "gpt-nope" }))).rejects.toMatchObject({
      code: "provider_error",
      status: 404,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("gives up on a provider that does not answer in time", async () => {
    fake.enqueue(...[1, 2, 3].map(() => ({ ...cannedOutput(answer), delayMs: 400 })));
    await expect(ask(client({ timeoutMs: 100 }))).rejects.toMatchObject({ code: "timeout" });
    expect(fake.requests).toHaveLength(3);
  });
});
