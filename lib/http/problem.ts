import type { AppErrorCode, ProblemField } from "@/lib/http/app-error";

// RFC 9457 problem details: `type` names the code so clients can branch on it.
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: AppErrorCode | "internal_error";
  errors?: ProblemField[];
};

const titles: Record<Problem["code"], string> = {
  bad_request: "Bad request",
  invalid_json: "Malformed JSON",
  validation_failed: "Validation failed",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  idempotency_mismatch: "Idempotency key reused with a different payload",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
  internal_error: "Internal server error",
};

export function problemResponse(
  code: Problem["code"],
  status: number,
  detail: string,
  options: { errors?: ProblemField[]; headers?: HeadersInit } = {},
): Response {
  const body: Problem = {
    type: `https://faultline.dev/problems/${code.replaceAll("_", "-")}`,
    title: titles[code],
    status,
    detail,
    code,
    ...(options.errors ? { errors: options.errors } : {}),
  };
  const headers = new Headers(options.headers);
  headers.set("content-type", "application/problem+json");
  return new Response(JSON.stringify(body), { status, headers });
}
