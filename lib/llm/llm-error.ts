// What can go wrong when asking the model, in words a user can act on. The code
// lets the UI pick a presentation; the message is safe to show as is.
export type LlmErrorCode =
  | "not_configured"
  | "circuit_open"
  | "timeout"
  | "provider_error"
  | "invalid_output";

export type LlmTokenUsage = { inputTokens: number; outputTokens: number };

export class LlmError extends Error {
  readonly code: LlmErrorCode;
  /** For circuit_open: when a new call may be attempted. */
  readonly retryAfterSeconds?: number;
  /** HTTP status of a provider_error, when the provider answered at all. */
  readonly status?: number;
  /** Tokens the failed call still consumed (an invalid answer is billed too). */
  readonly usage?: LlmTokenUsage;

  constructor(
    code: LlmErrorCode,
    message: string,
    options: {
      retryAfterSeconds?: number;
      status?: number;
      usage?: LlmTokenUsage;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "LlmError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.status = options.status;
    this.usage = options.usage;
  }
}

export function notConfiguredError(): LlmError {
  return new LlmError(
    "not_configured",
    "AI fixes are not configured: set OPENAI_API_KEY to enable them, or fix the filter manually.",
  );
}

export function circuitOpenError(retryAfterSeconds: number): LlmError {
  return new LlmError(
    "circuit_open",
    `AI fixes are paused after repeated provider failures; try again in ${retryAfterSeconds} s or fix manually.`,
    { retryAfterSeconds },
  );
}
