// The e2e web servers' AI provider. The main server talks to a fake OpenAI-compatible
// server started inside its own e2e-server process (tests/support/fake-openai-server,
// the same one the integration tests use); specs script its answers over HTTP, since
// they run in other processes. A second web server on the same build has no provider
// at all, for the "no LLM configured" path.
import type { IncomingMessage, ServerResponse } from "node:http";
// Types only: the e2e-server process runs outside Playwright's test runner.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { z } from "zod";
import {
  type CannedResponse,
  type RecordedRequest,
  readBody,
  startFakeOpenAiServer,
} from "@/tests/support/fake-openai-server";

export const E2E_LLM_PORT = Number(process.env.E2E_LLM_PORT ?? 3101);
export const E2E_LLM_API_KEY = "sk-e2e-fake-openai";
export const E2E_LLM_MODEL = "gpt-4.1-mini";
const controlUrl = `http://127.0.0.1:${E2E_LLM_PORT}/__e2e`;

// The web server without an AI provider: same build, its own port and database.
export const E2E_NO_LLM_PORT = Number(process.env.E2E_NO_LLM_PORT ?? 3102);
export const E2E_NO_LLM_BASE_URL = `http://127.0.0.1:${E2E_NO_LLM_PORT}`;

// Its database sits beside the main one: another database on the same Postgres, or
// (embedded) another in-memory instance on the next port.
export function resolveNoLlmDatabaseUrl(mainUrl: string, isEmbedded: boolean): string {
  const url = new URL(mainUrl);
  if (isEmbedded) url.port = String(Number(url.port) + 1);
  else url.pathname = `${url.pathname}_no_llm`;
  return url.toString();
}

const cannedResponseSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("output"),
    output: z.unknown(),
    usage: z.object({ input: z.number(), output: z.number() }).optional(),
    delayMs: z.number().int().min(0).max(30_000).optional(),
  }),
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({
    kind: z.literal("error"),
    status: z.number().int().min(400).max(599),
    message: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
]);
const scriptSchema = z.object({ responses: z.array(cannedResponseSchema).min(1) });

/** What a spec sees of one call the web server made to the model. */
export type E2eLlmRequest = Pick<RecordedRequest, "path" | "text" | "authorized"> & {
  model: unknown;
};

// zod infers `output: unknown` as optional; the canned type wants the key present.
function toCannedResponse(response: z.infer<typeof cannedResponseSchema>): CannedResponse {
  return response.kind === "output" ? { ...response, output: response.output } : response;
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

// Starts the fake provider on E2E_LLM_PORT with its scripting endpoints, and answers
// the environment that points the web server at it.
export async function startE2eLlmServer() {
  let server: Awaited<ReturnType<typeof startFakeOpenAiServer>> | null = null;

  async function control(request: IncomingMessage, response: ServerResponse) {
    if (!server) return sendJson(response, 503, { error: "starting" });
    const route = `${request.method} ${request.url}`;
    if (route === "POST /__e2e/script") {
      const parsed = scriptSchema.safeParse(JSON.parse((await readBody(request)) || "{}"));
      if (!parsed.success) return sendJson(response, 400, { error: parsed.error.issues });
      server.enqueue(...parsed.data.responses.map(toCannedResponse));
      return sendJson(response, 200, { pending: server.pending() });
    }
    if (route === "POST /__e2e/reset") {
      server.reset();
      return sendJson(response, 200, { pending: 0 });
    }
    if (route === "GET /__e2e/requests") {
      const requests: E2eLlmRequest[] = server.requests.map((recorded) => ({
        path: recorded.path,
        text: recorded.text,
        authorized: recorded.authorized,
        model: recorded.body.model,
      }));
      return sendJson(response, 200, { requests, pending: server.pending() });
    }
    return sendJson(response, 404, { error: `Unknown endpoint ${route}` });
  }

  server = await startFakeOpenAiServer({
    apiKey: E2E_LLM_API_KEY,
    model: E2E_LLM_MODEL,
    port: E2E_LLM_PORT,
    fallback: (request, response) =>
      control(request, response).catch(() => sendJson(response, 400, { error: "bad request" })),
  });
  return {
    env: {
      OPENAI_API_KEY: E2E_LLM_API_KEY,
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_MODEL: E2E_LLM_MODEL,
      OPENAI_API_MODE: "responses",
    },
    close: server.close,
  };
}

// --- For specs (another process): script the answers, read what was asked. ---

async function assertOk(response: APIResponse): Promise<APIResponse> {
  if (!response.ok()) {
    throw new Error(`The fake LLM answered ${response.status()}: ${await response.text()}`);
  }
  return response;
}

// Replaces whatever an earlier spec left queued with `responses`, answered in order,
// and forgets the requests recorded so far.
export async function scriptLlm(request: APIRequestContext, responses: CannedResponse[]) {
  await assertOk(await request.post(`${controlUrl}/reset`));
  await assertOk(await request.post(`${controlUrl}/script`, { data: { responses } }));
}

export async function readLlmRequests(
  request: APIRequestContext,
): Promise<{ requests: E2eLlmRequest[]; pending: number }> {
  return (await assertOk(await request.get(`${controlUrl}/requests`))).json();
}
