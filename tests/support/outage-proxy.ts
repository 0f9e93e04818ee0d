import type { AddressInfo } from "node:net";
import { connect, createServer, type Server, type Socket } from "node:net";

export type OutageProxy = {
  /** Stable across outages: clients keep this URL while the "app" goes away. */
  readonly url: string;
  readonly isUp: boolean;
  /** Connections accepted so far (refused ones are not counted: nothing listens). */
  readonly connections: number;
  /** Stops listening and cuts every open connection: new ones are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
};

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * A TCP proxy in front of a local server that can play "the app is down": while it
 * is stopped nothing listens on its port, so clients see ECONNREFUSED exactly as
 * when the real server process is gone, and in-flight connections are reset. The
 * upstream keeps running, so its state (the database) is what survives a restart.
 */
export async function startOutageProxy(upstreamPort: number): Promise<OutageProxy> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const createListener = () =>
    createServer((client) => {
      connections += 1;
      const upstream = connect(upstreamPort, "127.0.0.1");
      track(client);
      track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      // Either side failing ends both: a half-open pair would hang the client.
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });

  let server: Server | null = createListener();
  const port = await listen(server, 0);

  async function stop(): Promise<void> {
    const current = server;
    if (!current) return;
    server = null;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    get isUp() {
      return server !== null;
    },
    get connections() {
      return connections;
    },
    stop,
    async start() {
      if (server) return;
      const next = createListener();
      await listen(next, port);
      server = next;
    },
    close: stop,
  };
}
