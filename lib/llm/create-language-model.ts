import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import type { LlmConfig } from "@/lib/llm/llm-config";

// Any OpenAI-compatible endpoint (OpenAI, Azure's v1 API, a local gateway or the
// test fake): the Responses API by default, Chat Completions for servers without it.
export function createLanguageModel(config: LlmConfig): LanguageModel {
  const provider = createOpenAI({ apiKey: config.apiKey, baseURL: config.baseURL });
  return config.mode === "chat" ? provider.chat(config.model) : provider.responses(config.model);
}
