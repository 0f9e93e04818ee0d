import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type CannedResponse =
  | { kind: "output"; output: unknown; usage?: { input: number; output: number }; delayMs?: number }
  | { kind: "text"; text: string }
  | { kind: "error"; status: number; message?: string; headers?: Record<string, string> };

export type RecordedRequest = {
  path: string;
  body: Record<string, unknown>;
  /** Every message/input text of the request, joined: what the model was told. */
  text: string;
  authorized: boolean;
};

type Api = "responses" | "chat";

const endpoints: Record<string, Api> = {
  "/v1/responses": "responses",
  "/v1/chat/completions": "chat",
};

export const cannedOutput = (
  output: unknown,
  usage = { input: 1_200, output: 300 },
): CannedResponse => ({ kind: "output", output, usage });
export const cannedError = (status: number, message = "Upstream failure"): CannedResponse => ({
  kind: "error",
  status,
  message,
});

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Walks any message shape (chat messages, Responses input items, content parts)
// and collects its strings, so tests can assert what the model was sent.
function collectText(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectText(item, into);
  else if (isRecord(value)) {
    for (const key of ["content", "text", "input"]) collectText(value[key], into);
  }
}

// What OpenAI checks for structured outputs: a json_schema format with a schema object.
function requestsJsonSchema(api: Api, body: Record<string, unknown>): boolean {
  if (api === "responses") {
    const text = isRecord(body.text) ? body.text : {};
    const format = isRecord(text.format) ? text.format : {};
    return format.type === "json_schema" && isRecord(format.schema);
  }
  const format = isRecord(body.response_format) ? body.response_format : {};
  const jsonSchema = isRecord(format.json_schema) ? format.json_schema : {};
  return format.type === "json_schema" && isRecord(jsonSchema.schema);
}

function successBody(
  api: Api,
  model: string,
  text: string,
  usage: { input: number; output: number },
  sequence: number,
) {
  const created = Math.floor(Date.now() / 1_000);
  if (api === "chat") {
    return {
      id: `chatcmpl-${sequence}`,
      object: "chat.completion",
      created,
      model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: text, refusal: null },
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: usage.input,
        completion_tokens: usage.output,
        total_tokens: usage.input + usage.output,
      },
    };
  }
  return {
    id: `resp_${sequence}`,
    object: "response",
    created_at: created,
    model,
    status: "completed",
    error: null,
    incomplete_details: null,
    output: [
      {
        type: "message",
        id: `msg_${sequence}`,
        role: "assistant",
        status: "completed",
        content: [{ type: "output_text", text, annotations: [] }],
      },
    ],
    usage: {
      input_tokens: usage.input,
      output_tokens: usage.output,
      total_tokens: usage.input + usage.output,
    },
  };
}

export type FakeOpenAiServerOptions = {
  apiKey: string;
  model: string;
  /** 0 (the default) picks a free port; a fixed one lets another process find it. */
  port?: number;
  /** Answers any other path (the e2e scripting endpoints) instead of a 404. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;
};

// Enough of OpenAI's Responses and Chat Completions APIs for the real @ai-sdk/openai
// provider: checks the bearer key, the model and that a JSON schema was requested,
// then answers the queued responses in order and records every request.
export async function startFakeOpenAiServer({
  apiKey,
  model,
  port: listenPort = 0,
  fallback,
}: FakeOpenAiServerOptions) {
  const queue: CannedResponse[] = [];
  const requests: RecordedRequest[] = [];

  const reply = (response: ServerResponse, status: number, body: unknown, headers = {}) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };
  const replyError = (response: ServerResponse, status: number, message: string, headers = {}) =>
    reply(
      response,
      status,
      { error: { message, type: "invalid_request_error", param: null, code: null } },
      headers,
    );

  const server = createServer(async (request, response) => {
    const api = request.method === "POST" ? endpoints[request.url ?? ""] : undefined;
    if (!api && fallback) return fallback(request, response);
    if (!api) return replyError(response, 404, `Unknown endpoint ${request.method} ${request.url}`);
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(await readBody(request));
      if (!isRecord(parsed)) throw new Error("not an object");
      body = parsed;
    } catch {
      return replyError(response, 400, "The body is not a JSON object.");
    }
    const texts: string[] = [];
    collectText(body.instructions, texts);
    collectText(api === "chat" ? body.messages : body.input, texts);
    const authorized = request.headers.authorization === `Bearer ${apiKey}`;
    requests.push({ path: request.url ?? "", body, text: texts.join("\n"), authorized });
    if (!authorized) return replyError(response, 401, "Incorrect API key provided.");
    if (body.model !== model) {
      return replyError(response, 404, `The model '${String(body.model)}' does not exist.`);
    }
    if (!requestsJsonSchema(api, body)) {
      return replyError(response, 400, "Expected a json_schema response format.");
    }
    const canned = queue.shift();
    if (!canned) return replyError(response, 500, "The fake server has no queued response.");
    if (canned.kind === "error") {
      return reply(
        response,
        canned.status,
        {
          error: {
            message: canned.message ?? "Failure",
            type: "server_error",
            param: null,
            code: null,
          },
        },
        canned.headers,
      );
    }
    if (canned.kind === "output" && canned.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, canned.delayMs));
    }
    const text = canned.kind === "text" ? canned.text : JSON.stringify(canned.output);
    const usage =
      canned.kind === "output"
        ? (canned.usage ?? { input: 0, output: 0 })
        : { input: 10, output: 5 };
    return reply(response, 200, successBody(api, model, text, usage, requests.length));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...responses: CannedResponse[]) => {
      queue.push(...responses);
    },
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeOpenAiServer = Awaited<ReturnType<typeof startFakeOpenAiServer>>;
