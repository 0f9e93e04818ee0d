import { env } from "@/lib/env";
import { notConfiguredError } from "@/lib/llm/llm-error";

export type LlmApiMode = "responses" | "chat";

export type LlmConfig = {
  apiKey: string;
  baseURL?: string;
  model: string;
  mode: LlmApiMode;
};

export function isLlmConfigured(): boolean {
  return env.OPENAI_API_KEY !== undefined;
}

// Throws the typed not_configured error, so a missing key is a clear attempt
// failure instead of a crash deep inside the provider.
export function getLlmConfig(): LlmConfig {
  if (!env.OPENAI_API_KEY) throw notConfiguredError();
  return {
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    mode: env.OPENAI_API_MODE,
  };
}
