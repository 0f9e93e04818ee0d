import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

// A local stand-in for Pusher's HTTP API (the part the server SDK uses to trigger
// events). It authenticates every request the way Pusher documents it, so a test
// that passes here signs requests correctly:
// https://pusher.com/docs/channels/library_auth_reference/rest-api/#authentication

export type PusherCredentials = { appId: string; key: string; secret: string };

export type TriggeredEvent = { channel: string; name: string; data: string };

export type RejectedRequest = { path: string; status: number; reason: string };

// Pusher accepts a timestamp within 600 s of its own clock.
const maxClockSkewSeconds = 600;
// Pusher's documented limits: event data up to 10 KB, a batch up to 10 events.
const maxDataBytes = 10_240;
const maxBatchSize = 10;

const eventSchema = z.object({
  name: z.string().min(1).max(200),
  data: z.string(),
  channels: z.array(z.string().min(1)).min(1).max(100).optional(),
  channel: z.string().min(1).optional(),
  socket_id: z.string().optional(),
});
const batchSchema = z.object({
  batch: z
    .array(z.object({ channel: z.string().min(1), name: z.string().min(1), data: z.string() }))
    .min(1),
});

export function md5Hex(body: string): string {
  return createHash("md5").update(body, "utf8").digest("hex");
}

export function signPusherRequest(
  secret: string,
  { method, path, params }: { method: string; path: string; params: Record<string, string> },
): string {
  // Keys lowercased and sorted; values unescaped; auth_signature itself left out.
  const query = Object.entries(params)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => name !== "auth_signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  return createHmac("sha256", secret)
    .update([method.toUpperCase(), path, query].join("\n"))
    .digest("hex");
}

function isSameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

// Returns why Pusher would answer 401, or null when the request is authentic.
export function findPusherAuthProblem(
  credentials: Pick<PusherCredentials, "key" | "secret">,
  request: { method: string; path: string; params: Record<string, string>; body: string },
  nowSeconds = Math.floor(Date.now() / 1000),
): string | null {
  const { params } = request;
  if (params.auth_key !== credentials.key) return "Unknown auth_key";
  const timestamp = Number(params.auth_timestamp);
  if (!Number.isInteger(timestamp)) return "Missing or invalid auth_timestamp";
  if (Math.abs(nowSeconds - timestamp) > maxClockSkewSeconds) {
    return "Timestamp expired: given and current time differ by more than 600 s";
  }
  if (params.auth_version !== "1.0") return "auth_version must be 1.0";
  if (request.body.length > 0 && params.body_md5 !== md5Hex(request.body)) {
    return "body_md5 does not match the body";
  }
  const expected = signPusherRequest(credentials.secret, request);
  if (!isSameHex(params.auth_signature ?? "", expected)) return "Invalid signature";
  return null;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

export async function startFakePusherServer(credentials: PusherCredentials) {
  const triggered: TriggeredEvent[] = [];
  const rejected: RejectedRequest[] = [];
  // Authentic requests to answer with this status instead, like a Pusher outage.
  const pendingFailures: number[] = [];
  let received = 0;
  const eventsPath = `/apps/${credentials.appId}/events`;
  const batchPath = `/apps/${credentials.appId}/batch_events`;

  const reject = (response: ServerResponse, path: string, status: number, reason: string) => {
    rejected.push({ path, status, reason });
    answer(response, status, { error: reason });
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readBody(req);
    const method = req.method ?? "GET";
    if (method !== "POST" || (url.pathname !== eventsPath && url.pathname !== batchPath)) {
      return reject(res, url.pathname, 404, `No route for ${method} ${url.pathname}`);
    }
    const problem = findPusherAuthProblem(credentials, {
      method,
      path: url.pathname,
      params: Object.fromEntries(url.searchParams),
      body,
    });
    if (problem) return reject(res, url.pathname, 401, problem);
    received += 1;
    const failure = pendingFailures.shift();
    if (failure !== undefined) return reject(res, url.pathname, failure, "Pusher is unavailable");

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return reject(res, url.pathname, 400, "The body is not JSON");
    }
    if (url.pathname === eventsPath) {
      const event = eventSchema.safeParse(json);
      if (!event.success) return reject(res, url.pathname, 400, event.error.message);
      const channels = event.data.channels ?? (event.data.channel ? [event.data.channel] : []);
      if (channels.length === 0) return reject(res, url.pathname, 400, "No channel given");
      if (Buffer.byteLength(event.data.data) > maxDataBytes) {
        return reject(res, url.pathname, 413, "Event data exceeds 10 KB");
      }
      for (const channel of channels) {
        triggered.push({ channel, name: event.data.name, data: event.data.data });
      }
      return answer(res, 200, {});
    }
    const batch = batchSchema.safeParse(json);
    if (!batch.success) return reject(res, url.pathname, 400, batch.error.message);
    if (batch.data.batch.length > maxBatchSize) {
      return reject(res, url.pathname, 400, "A batch holds at most 10 events");
    }
    if (batch.data.batch.some((event) => Buffer.byteLength(event.data) > maxDataBytes)) {
      return reject(res, url.pathname, 413, "Event data exceeds 10 KB");
    }
    for (const event of batch.data.batch) triggered.push(event);
    return answer(res, 200, { batch: batch.data.batch.map(() => ({})) });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...credentials,
    host: "127.0.0.1",
    port,
    triggered,
    rejected,
    /** Authentic requests that reached the server, answered or failed on purpose. */
    receivedCount: () => received,
    failNext(count = 1, status = 503) {
      for (let index = 0; index < count; index += 1) pendingFailures.push(status);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type FakePusherServer = Awaited<ReturnType<typeof startFakePusherServer>>;
