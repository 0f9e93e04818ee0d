// Builds real Request objects for invoking route handlers in integration tests.
export function jsonRequest(
  url: string,
  options: {
    method?: string;
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers = new Headers({ "content-type": "application/json", ...options.headers });
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  const body =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Request(new URL(url, "http://localhost:3000"), {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
}

export const noParams = { params: Promise.resolve({}) };
