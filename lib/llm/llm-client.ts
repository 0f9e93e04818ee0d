import {
  generateText,
  type LanguageModel,
  type LanguageModelUsage,
  type ModelMessage,
  NoObjectGeneratedError,
  Output,
} from "ai";
import type { z } from "zod";
import { env } from "@/lib/env";
import { createLanguageModel } from "@/lib/llm/create-language-model";
import { getDefaultLlmResilience } from "@/lib/llm/llm-circuit-state";
import { getLlmConfig, type LlmConfig } from "@/lib/llm/llm-config";
import { LlmError, type LlmTokenUsage } from "@/lib/llm/llm-error";
import type { LlmResilience } from "@/lib/llm/llm-resilience";
import { buildLlmTelemetryOptions, type LlmCallTelemetry } from "@/lib/llm/llm-telemetry";
import { toLlmError } from "@/lib/llm/to-llm-error";

export type StructuredRequest<T> = {
  schema: z.ZodType<T>;
  schemaName: string;
  instructions: string;
  messages: ModelMessage[];
  /** Sent to the telemetry integration when the client has telemetry on. */
  telemetry?: LlmCallTelemetry;
};

export type StructuredResult<T> = {
  output: T;
  usage: LlmTokenUsage;
  latencyMs: number;
};

export type LlmClient = {
  model: string;
  generateStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>>;
};

function toTokenUsage(usage: LanguageModelUsage | undefined): LlmTokenUsage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

// Every model call goes through the resilience policies; everything that escapes
// is an LlmError, so callers handle one error type.
export function createLlmClient({
  model,
  modelId,
  resilience,
  isTelemetryEnabled = false,
}: {
  model: LanguageModel;
  /** Recorded with each attempt and used for cost estimates. */
  modelId: string;
  resilience: LlmResilience;
  isTelemetryEnabled?: boolean;
}): LlmClient {
  return {
    model: modelId,
    async generateStructured({ schema, schemaName, instructions, messages, telemetry }) {
      const startedAt = performance.now();
      try {
        const result = await resilience.execute((signal) =>
          generateText({
            model,
            instructions,
            messages,
            output: Output.object({ schema, name: schemaName }),
            // Retries belong to the resilience policy, which the breaker can see.
            maxRetries: 0,
            abortSignal: signal,
            ...buildLlmTelemetryOptions(isTelemetryEnabled, telemetry),
          }),
        );
        return {
          output: result.output,
          usage: toTokenUsage(result.usage),
          latencyMs: Math.round(performance.now() - startedAt),
        };
      } catch (error) {
        if (NoObjectGeneratedError.isInstance(error)) {
          throw new LlmError(
            "invalid_output",
            "The model's answer did not match the expected format.",
            {
              usage: toTokenUsage(error.usage),
              cause: error,
            },
          );
        }
        throw toLlmError(error);
      }
    },
  };
}

// The process-wide client built from the environment. Throws not_configured
// without an API key.
export function getLlmClient(): LlmClient {
  return createLlmClientFromConfig(getLlmConfig(), getDefaultLlmResilience());
}

export function createLlmClientFromConfig(
  config: LlmConfig,
  resilience: LlmResilience,
  { isTelemetryEnabled = env.AI_TELEMETRY }: { isTelemetryEnabled?: boolean } = {},
): LlmClient {
  return createLlmClient({
    model: createLanguageModel(config),
    modelId: config.model,
    resilience,
    isTelemetryEnabled,
  });
}
