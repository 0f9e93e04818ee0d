import { registerTelemetry, type Telemetry } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLlmClient } from "@/lib/llm/llm-client";
import { createLlmResilience } from "@/lib/llm/llm-resilience";
import { buildLlmTelemetryOptions } from "@/lib/llm/llm-telemetry";

type StartEvent = { functionId?: string; runtimeContext?: unknown };

// A telemetry integration as a tracing vendor would register it: what it receives
// is what would leave the process.
const started: StartEvent[] = [];
const recorder: Telemetry = {
  onStart: (event) => {
    const runtimeContext = "runtimeContext" in event ? event.runtimeContext : undefined;
    started.push({ functionId: event.functionId, runtimeContext });
  },
};

function answeringModel() {
  return new MockLanguageModelV4({
    doGenerate: async () => ({
      content: [{ type: "text", text: '{"answer":"ok"}' }],
      finishReason: { unified: "stop", raw: undefined },
      usage: {
        inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: 5, text: 5, reasoning: undefined },
      },
      warnings: [],
    }),
  });
}

const request = {
  schema: z.object({ answer: z.string() }),
  schemaName: "answer",
  instructions: "Answer.",
  messages: [{ role: "user" as const, content: "Question?" }],
  telemetry: {
    functionId: "faultline.regenerate",
    context: { attemptId: "attempt-1", userId: "user-1" },
  },
};

const clientWith = (isTelemetryEnabled: boolean) =>
  createLlmClient({
    model: answeringModel(),
    modelId: "gpt-4.1-mini",
    resilience: createLlmResilience(),
    isTelemetryEnabled,
  });

describe("LLM call telemetry", () => {
  beforeAll(() => registerTelemetry(recorder));
  beforeEach(() => {
    started.length = 0;
  });

  it("reports the function id and the attempt and user ids when enabled", async () => {
    await clientWith(true).generateStructured(request);
    expect(started).toEqual([
      {
        functionId: "faultline.regenerate",
        runtimeContext: { attemptId: "attempt-1", userId: "user-1" },
      },
    ]);
  });

  it("opts the call out when disabled, even with an integration registered", async () => {
    await clientWith(false).generateStructured(request);
    expect(started).toEqual([]);
  });

  it("builds the AI SDK 7 call options", () => {
    expect(buildLlmTelemetryOptions(true, request.telemetry)).toEqual({
      telemetry: {
        isEnabled: true,
        functionId: "faultline.regenerate",
        includeRuntimeContext: { attemptId: true, userId: true },
      },
      runtimeContext: { attemptId: "attempt-1", userId: "user-1" },
    });
    expect(buildLlmTelemetryOptions(false, request.telemetry)).toEqual({
      telemetry: { isEnabled: false },
    });
  });
});
