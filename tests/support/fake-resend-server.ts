import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedEmail = {
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  idempotencyKey: string | null;
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function isEmailPayload(value: unknown): value is Omit<ReceivedEmail, "idempotencyKey"> {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  const hasRecipient = typeof record.to === "string" || Array.isArray(record.to);
  const hasContent = typeof record.html === "string" || typeof record.text === "string";
  return (
    typeof record.from === "string" &&
    typeof record.subject === "string" &&
    hasRecipient &&
    hasContent
  );
}

// Checks what Resend checks (bearer key, JSON body with from/to/subject and content)
// and answers like Resend does, so the real SDK can be exercised offline.
export async function startFakeResendServer(apiKey: string) {
  const received: ReceivedEmail[] = [];
  const server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      return reply(401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
    }
    if (request.method !== "POST" || request.url !== "/emails") {
      return reply(404, { statusCode: 404, name: "not_found", message: "Not found" });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(await readBody(request));
    } catch {
      return reply(400, { statusCode: 400, name: "invalid_json", message: "Invalid JSON" });
    }
    if (!isEmailPayload(payload)) {
      return reply(422, {
        statusCode: 422,
        name: "validation_error",
        message: "Missing required fields",
      });
    }
    const idempotencyKey = request.headers["idempotency-key"];
    received.push({
      ...payload,
      idempotencyKey: typeof idempotencyKey === "string" ? idempotencyKey : null,
    });
    return reply(200, { id: `email_${received.length}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
