// Resend answers errors as values; thrown so the service policy can retry and count them.
export class EmailProviderError extends Error {
  readonly statusCode: number | null;

  constructor(message: string, statusCode: number | null) {
    super(message);
    this.name = "EmailProviderError";
    this.statusCode = statusCode;
  }
}

// An outage, a rate limit or a dropped connection (no status): worth another try and
// counted by the breaker. A 4xx is our request's fault and would fail the same way.
export function isTransientEmailError(error: Error): boolean {
  if (!(error instanceof EmailProviderError)) return false;
  const status = error.statusCode;
  return status === null || status === 408 || status === 429 || status >= 500;
}
