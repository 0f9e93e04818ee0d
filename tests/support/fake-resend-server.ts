import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";

export type ReceivedEmail = {
  id: string;
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  idempotencyKey: string | null;
};

// Every request that reached /emails, including replays and refusals.
export type EmailRequest = { status: number; idempotencyKey: string | null };

type ResendError = { statusCode: number; name: string; message: string };

type Payload = Omit<ReceivedEmail, "id" | "idempotencyKey">;

const MAX_RECIPIENTS = 50;
const MAX_IDEMPOTENCY_KEY_LENGTH = 256;
const addressPattern = /^[^\s<>@]+@[^\s<>@]+$/;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// "Name <a@b.c>" or a bare address, as Resend accepts them.
function isAddress(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const bracketed = /^[^<>]*<([^<>]+)>$/.exec(value.trim());
  return addressPattern.test(bracketed?.[1] ?? value.trim());
}

function validatePayload(value: unknown): ResendError | Payload {
  const fail = (statusCode: number, name: string, message: string) => ({
    statusCode,
    name,
    message,
  });
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail(422, "validation_error", "The request body must be a JSON object.");
  }
  const record = value as Record<string, unknown>;
  const missing = ["from", "to", "subject"].filter((field) => record[field] === undefined);
  if (missing.length > 0) {
    return fail(422, "missing_required_field", `Missing \`${missing.join("`, `")}\` field.`);
  }
  if (!isAddress(record.from)) return fail(422, "validation_error", "Invalid `from` field.");
  const to = Array.isArray(record.to) ? record.to : [record.to];
  if (to.length === 0 || to.length > MAX_RECIPIENTS || !to.every(isAddress)) {
    return fail(422, "validation_error", "Invalid `to` field.");
  }
  if (typeof record.subject !== "string" || record.subject.length === 0) {
    return fail(422, "validation_error", "Invalid `subject` field.");
  }
  for (const field of ["html", "text"] as const) {
    if (record[field] !== undefined && typeof record[field] !== "string") {
      return fail(422, "validation_error", `Invalid \`${field}\` field.`);
    }
  }
  if (record.html === undefined && record.text === undefined) {
    return fail(422, "missing_required_field", "Missing `html` or `text` field.");
  }
  return {
    from: record.from as string,
    to: record.to as string | string[],
    subject: record.subject,
    html: record.html as string | undefined,
    text: record.text as string | undefined,
  };
}

function isError(value: ResendError | Payload): value is ResendError {
  return "statusCode" in value;
}

/**
 * A local stand-in for POST https://api.resend.com/emails that checks what Resend
 * checks and answers the way it does, so the real `resend` SDK runs offline:
 * bearer key (401 missing, 403 wrong), JSON payload shape (422), and the
 * Idempotency-Key contract (1–256 chars; a repeat with the same payload replays the
 * first answer without sending again, with another payload is a 409).
 * `failNext` makes the next requests fail like a provider outage.
 */
export async function startFakeResendServer(apiKey: string) {
  const received: ReceivedEmail[] = [];
  const requests: EmailRequest[] = [];
  const byIdempotencyKey = new Map<string, { payload: Payload; id: string }>();
  const pendingFailures: ResendError[] = [];

  async function handle(request: IncomingMessage, reply: (status: number, body: unknown) => void) {
    const authorization = request.headers.authorization;
    if (!authorization?.startsWith("Bearer ")) {
      return reply(401, {
        statusCode: 401,
        name: "missing_api_key",
        message: "Missing API key in the authorization header.",
      });
    }
    if (authorization !== `Bearer ${apiKey}`) {
      return reply(403, {
        statusCode: 403,
        name: "invalid_api_key",
        message: "API key is invalid.",
      });
    }
    if (request.url !== "/emails") {
      return reply(404, {
        statusCode: 404,
        name: "not_found",
        message: "The requested endpoint does not exist.",
      });
    }
    if (request.method !== "POST") {
      return reply(405, {
        statusCode: 405,
        name: "method_not_allowed",
        message: "Method is not allowed for the requested path.",
      });
    }
    const header = request.headers["idempotency-key"];
    const idempotencyKey = typeof header === "string" ? header : null;
    const answer = (status: number, body: unknown) => {
      requests.push({ status, idempotencyKey });
      reply(status, body);
    };
    if (
      idempotencyKey !== null &&
      (idempotencyKey.length < 1 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    ) {
      return answer(400, {
        statusCode: 400,
        name: "invalid_idempotency_key",
        message: "The key must be between 1-256 chars.",
      });
    }
    if (!request.headers["content-type"]?.startsWith("application/json")) {
      return answer(400, {
        statusCode: 400,
        name: "validation_error",
        message: "Content-Type must be application/json.",
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      return answer(400, {
        statusCode: 400,
        name: "validation_error",
        message: "Invalid JSON body.",
      });
    }
    const payload = validatePayload(body);
    if (isError(payload)) return answer(payload.statusCode, payload);
    const failure = pendingFailures.shift();
    if (failure) return answer(failure.statusCode, failure);
    if (idempotencyKey !== null) {
      const previous = byIdempotencyKey.get(idempotencyKey);
      if (previous && !isDeepStrictEqual(previous.payload, payload)) {
        return answer(409, {
          statusCode: 409,
          name: "invalid_idempotent_request",
          message: "Same idempotency key used with a different request payload.",
        });
      }
      if (previous) return answer(200, { id: previous.id });
    }
    const id = `email_${received.length + 1}`;
    received.push({ id, ...payload, idempotencyKey });
    if (idempotencyKey !== null) byIdempotencyKey.set(idempotencyKey, { payload, id });
    return answer(200, { id });
  }

  const server = createServer((request, response: ServerResponse) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    handle(request, reply).catch((error: unknown) => {
      reply(500, { statusCode: 500, name: "application_error", message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    requests,
    failNext(
      count = 1,
      error: ResendError = {
        statusCode: 500,
        name: "application_error",
        message: "Internal server error.",
      },
    ) {
      for (let index = 0; index < count; index += 1) pendingFailures.push(error);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
