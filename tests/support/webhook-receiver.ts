import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { method: string; headers: Record<string, string>; body: string };

/**
 * A local HTTP endpoint standing in for a user's deploy webhook. It records every
 * request (raw body and headers, for signature checks) and answers with the queued
 * statuses in order, then `defaultStatus`.
 */
export async function startWebhookReceiver({
  defaultStatus = 204,
}: {
  defaultStatus?: number;
} = {}) {
  const received: ReceivedWebhook[] = [];
  const queued: number[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers[name] = value;
    }
    received.push({
      method: req.method ?? "",
      headers,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    const status = queued.shift() ?? defaultStatus;
    res.writeHead(status, { "content-type": "text/plain" });
    res.end(status >= 400 ? `receiver answered ${status}` : "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/deploy`,
    received,
    respondWith(...statuses: number[]) {
      queued.push(...statuses);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
