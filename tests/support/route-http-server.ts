import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type HttpRoute = {
  method: string;
  // A Next.js app-router path, e.g. "/api/[projectId]/envelope/".
  path: string;
  // Method syntax on purpose: its parameters are checked bivariantly, so a handler
  // typed for `{ projectId: string }` params fits the generic string record.
  handler(
    request: Request,
    context: { params: Promise<Record<string, string>> },
  ): Promise<Response>;
};

export type ReceivedRequest = { method: string; url: string; headers: Record<string, string> };

function compilePath(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split("/")
    .map((segment) => {
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (!dynamic?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(dynamic[1]);
      return "([^/]+)";
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`), names };
}

async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

// Serves route handlers over real HTTP on 127.0.0.1, so third-party SDKs (which only
// speak HTTP) can be pointed at them. The body is passed on as raw bytes with every
// header, Content-Encoding included, exactly as Next.js would hand it over.
export async function startRouteHttpServer(routes: HttpRoute[]) {
  const compiled = routes.map((route) => ({ ...route, ...compilePath(route.path) }));
  const received: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      const headers = toHeaders(req);
      received.push({
        method: req.method ?? "GET",
        url: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(headers),
      });
      const body = await readRawBody(req);
      for (const route of compiled) {
        const match = route.pattern.exec(url.pathname);
        if (!match || route.method !== req.method) continue;
        const params = Object.fromEntries(
          route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]),
        );
        const request = new Request(url, {
          method: req.method,
          headers,
          body: body.length > 0 ? new Uint8Array(body) : undefined,
        });
        return await writeResponse(
          await route.handler(request, { params: Promise.resolve(params) }),
          res,
        );
      }
      await writeResponse(new Response("Not found", { status: 404 }), res);
    } catch (error) {
      console.error("[route-http-server] handler threw", error);
      await writeResponse(new Response("Adapter error", { status: 500 }), res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // SDK transports keep connections alive; drop them so close() resolves.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
