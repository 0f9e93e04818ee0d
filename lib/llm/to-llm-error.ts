import { APICallError } from "ai";
import { stripInvisibleCharacters } from "@/lib/ingest/sanitize-text";
import { LlmError } from "@/lib/llm/llm-error";

const MAX_PROVIDER_MESSAGE = 300;

// Provider messages reach users and our database: trimmed, cleaned, never a body dump.
export function toLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const detail = stripInvisibleCharacters(error.message).slice(0, MAX_PROVIDER_MESSAGE);
    const prefix =
      status === undefined
        ? "The AI provider could not be reached"
        : `The AI provider answered ${status}`;
    return new LlmError("provider_error", `${prefix}: ${detail}`, { status, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LlmError(
    "provider_error",
    `The AI call failed: ${stripInvisibleCharacters(message).slice(0, MAX_PROVIDER_MESSAGE)}`,
    { cause: error },
  );
}
