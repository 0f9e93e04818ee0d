import type { z } from "zod";

export type ApiResponse = { status: number; headers: Headers; body: unknown };

export type ApiClient = {
  readonly baseUrl: string;
  send(
    method: "GET" | "POST",
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<ApiResponse>;
  getJson<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  postJson<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
};

// A non-2xx answer, with the problem+json body the server explained it with.
export class ApiStatusError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(method: string, path: string, status: number, body: unknown) {
    super(`${method} ${path} answered ${status}: ${describeProblem(body)}`);
    this.name = "ApiStatusError";
    this.status = status;
    this.body = body;
  }
}

// fetch says only "fetch failed"; the cause says why (ECONNREFUSED, a timeout…).
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (typeof cause !== "object" || cause === null) return error.message;
  const code = "code" in cause ? String(cause.code) : null;
  const detail = code ?? ("message" in cause ? String(cause.message) : "");
  return detail ? `${error.message} (${detail})` : error.message;
}

export function describeProblem(body: unknown): string {
  if (typeof body === "object" && body !== null) {
    const { detail, title, code } = body as Record<string, unknown>;
    const text = [code, detail ?? title].filter((part) => typeof part === "string").join(": ");
    if (text) return text;
  }
  if (typeof body === "string" && body.trim() !== "") return body.slice(0, 300);
  return "no details";
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return null;
  const isJson = /json/i.test(response.headers.get("content-type") ?? "");
  if (!isJson) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// The executor's only way to the server: API key as a bearer token, JSON both ways,
// and a per-request timeout so a hung connection counts as a failure, not a stall.
export function createApiClient(options: {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  const send: ApiClient["send"] = async (method, path, { body, headers, signal } = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await doFetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    });
    return { status: response.status, headers: response.headers, body: await readBody(response) };
  };

  async function parsed<T>(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<T> {
    const response = await send(method, path, { body });
    if (response.status < 200 || response.status > 299) {
      throw new ApiStatusError(method, path, response.status, response.body);
    }
    return schema.parse(response.body);
  }

  return {
    baseUrl,
    send,
    getJson: (path, schema) => parsed("GET", path, undefined, schema),
    postJson: (path, body, schema) => parsed("POST", path, body, schema),
  };
}
