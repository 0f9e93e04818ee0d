import { jsonRequest } from "@/tests/support/api-request";
import { runInRequestScope } from "@/tests/support/session-request-scope";

export type Caller = { cookie?: string; token?: string };

// Method syntax: its parameters are checked bivariantly, so handlers typed for their own
// params (none, or { id }) fit one signature.
export type RouteUnderTest = {
  handler(
    request: Request,
    context: { params: Promise<Record<string, string>> },
  ): Promise<Response>;
}["handler"];

/** Invokes a route handler with a real Request as a signed-in user (cookie) or an API key. */
export function callRoute(
  handler: RouteUnderTest,
  path: string,
  caller: Caller,
  options: { body?: unknown; params?: Record<string, string> } = {},
) {
  const request = jsonRequest(path, {
    token: caller.token,
    body: options.body,
    headers: caller.cookie ? { cookie: caller.cookie } : {},
  });
  const context = { params: Promise.resolve(options.params ?? {}) };
  return runInRequestScope(request, () => handler(request, context));
}
