// One closed set of failure codes for the whole app; handleApiError maps them to HTTP.
export const appErrorStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_mismatch: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

export type ProblemField = { path: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: ProblemField[];
  // For rate_limited / unavailable: sent as Retry-After so clients back off correctly.
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    fields?: ProblemField[],
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return appErrorStatus[this.code];
  }
}
