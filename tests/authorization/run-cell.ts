// Runs one cell of the authorization matrix: the endpoint found by discovery, called
// the way a browser or executor would (a real Request in a Next request scope), with
// one principal's credentials against a fresh set of A's resources.
import { resolve } from "node:path";
import type { ActionEntry, RouteEntry } from "@/tests/authorization/matrix";
import {
  type Credential,
  credentialHeaders,
  type MatrixWorld,
  type OwnedResources,
} from "@/tests/authorization/matrix-world";
import { jsonRequest } from "@/tests/support/api-request";
import { runInRequestScope } from "@/tests/support/session-request-scope";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;
type ServerAction = (input: unknown) => Promise<unknown>;

export type Cell = { credential: Credential; expected: string; actual: string; detail: string };

async function loadExport(root: string, file: string, exportName: string): Promise<unknown> {
  const module: Record<string, unknown> = await import(/* @vite-ignore */ resolve(root, file));
  return module[exportName];
}

// The module's export is what Next calls: a function taking (Request, context) for a
// route, (input) for an action. Anything else is a discovery or matrix mistake.
function isCallable<T>(value: unknown): value is T {
  return typeof value === "function";
}

function leakSuffix(world: MatrixWorld, credential: Credential, isOk: boolean, text: string) {
  const isOwner = credential === "traderA" || credential === "executorKeyA";
  return !isOwner && isOk && text.includes(world.markerA) ? "+leak" : "";
}

export async function runRouteCell(options: {
  root: string;
  file: string;
  method: string;
  entry: RouteEntry;
  credential: Credential;
  world: MatrixWorld;
  owned: OwnedResources;
}): Promise<Pick<Cell, "actual" | "detail">> {
  const { world, owned, credential, entry } = options;
  const handler = await loadExport(options.root, options.file, options.method);
  if (!isCallable<RouteHandler>(handler)) return { actual: "not-a-handler", detail: "" };
  const call = entry.call(owned);
  const built = jsonRequest(call.path, {
    method: options.method,
    body: call.body,
    rawBody: call.rawBody,
    headers: { ...call.headers, ...credentialHeaders(world, credential, owned) },
  });
  const abort = new AbortController();
  const request = new Request(built, { signal: abort.signal });
  const context = { params: Promise.resolve(call.params ?? {}) };
  const response = await runInRequestScope(request, () => handler(request, context));
  const isOk = response.ok;
  if (entry.isStreaming) {
    // Never-ending (SSE) or long (preview) bodies: the status is the answer.
    abort.abort();
    await response.body?.cancel().catch(() => undefined);
    return { actual: String(response.status), detail: "" };
  }
  const text = await response.text();
  return {
    actual: `${response.status}${leakSuffix(world, credential, isOk, text)}`,
    detail: isOk ? "" : text.slice(0, 160),
  };
}

export async function runActionCell(options: {
  root: string;
  file: string;
  exportName: string;
  entry: ActionEntry;
  credential: Credential;
  world: MatrixWorld;
  owned: OwnedResources;
}): Promise<Pick<Cell, "actual" | "detail">> {
  const { world, owned, credential, entry } = options;
  const action = await loadExport(options.root, options.file, options.exportName);
  if (!isCallable<ServerAction>(action)) return { actual: "not-an-action", detail: "" };
  // Actions read the session from the request's cookies, as Next's action request would carry.
  await entry.prepare?.(owned);
  const request = jsonRequest("/", { headers: credentialHeaders(world, credential, owned) });
  const result = await runInRequestScope(request, () => action(entry.input(owned)));
  const text = JSON.stringify(result) ?? "";
  if (typeof result !== "object" || result === null || !("ok" in result)) {
    return { actual: "not-an-action-result", detail: text.slice(0, 160) };
  }
  if (result.ok === true) {
    const data = "data" in result ? result.data : undefined;
    const outcome = entry.readOutcome?.(data) ?? "ok";
    return { actual: `${outcome}${leakSuffix(world, credential, true, text)}`, detail: "" };
  }
  const code = "code" in result ? String(result.code) : "unknown";
  return { actual: code, detail: text.slice(0, 160) };
}
