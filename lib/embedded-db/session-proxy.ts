import { createConnection, createServer, type Server, type Socket } from "node:net";
import { SessionGate } from "@/lib/embedded-db/session-gate";
import {
  type ClientMessage,
  ClientMessageReader,
  ReadyForQueryReader,
} from "@/lib/embedded-db/wire-messages";

export interface SessionProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * A TCP front for PGLiteSocketServer that lets one client at a time talk to
 * the single PGlite session, from its first message until the server reports
 * ReadyForQuery "idle" with nothing left in flight.
 *
 * pglite-socket (0.2.x) only keeps a connection's messages together while
 * PGlite is inside a transaction block, so a Parse/Bind/Execute/Sync from one
 * connection interleaves with another's and both get "portal does not exist"
 * errors or hang (electric-sql/pglite#1046, PR #977). Holding the gate across
 * whole extended-protocol batches and explicit transactions fixes that without
 * touching the library; drop this proxy once upstream ships the fix.
 */
export async function startSessionProxy(options: {
  upstreamHost: string;
  upstreamPort: number;
  host: string;
  port: number;
  maxConnections: number;
}): Promise<SessionProxy> {
  const gate = new SessionGate();
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: options.upstreamHost, port: options.upstreamPort });
    for (const socket of [client, upstream]) {
      // Protocol messages are small; Nagle would add ~40 ms to every round trip.
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    new ProxiedConnection(client, upstream, gate);
  });
  server.maxConnections = options.maxConnections;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") {
    throw new Error("Embedded Postgres proxy is not listening on a TCP port");
  }

  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);
// Each of these is answered by exactly one ReadyForQuery.
const SYNC_POINT_TYPES = new Set(["Q", "S", "F"]);
// Parse, Bind, Describe, Execute, Close, Flush: state that lives until the next Sync.
const EXTENDED_QUERY_TYPES = new Set(["P", "B", "D", "E", "C", "H"]);
const ROLLBACK = encodeQuery("ROLLBACK");

class ProxiedConnection {
  private readonly clientReader = new ClientMessageReader();
  private readonly replyReader = new ReadyForQueryReader();
  private readonly queued: ClientMessage[] = [];
  private hasGate = false;
  private isAcquiring = false;
  private isClosing = false;
  /** Sync points (Query, Sync, startup) sent whose ReadyForQuery has not arrived. */
  private repliesOwed = 0;
  /** Extended-protocol messages sent since the last Sync. */
  private hasUnsyncedMessages = false;
  private isInTransaction = false;
  private onSettled: (() => void) | undefined;

  constructor(
    private readonly client: Socket,
    private readonly upstream: Socket,
    private readonly gate: SessionGate,
  ) {
    client.on("data", (chunk) => this.receiveFromClient(chunk));
    upstream.on("data", (chunk) => this.receiveFromUpstream(chunk));
    // "close" always follows "error"; cleanup happens there.
    client.on("error", () => {});
    upstream.on("error", () => {});
    client.on("close", () => void this.closeSession());
    upstream.on("close", () => this.abandonSession());
  }

  private receiveFromClient(chunk: Buffer): void {
    for (const message of this.clientReader.push(chunk)) {
      // PGlite has no backend to cancel; pglite-socket drops these as well.
      if (message.kind === "cancel-request") continue;
      // No TLS on a loopback-only server: answer "N" here, as Postgres does
      // without ssl=on, so libpq clients (sslmode=prefer) fall back to plain.
      if (message.kind === "encryption-request") {
        this.client.write("N");
        continue;
      }
      if (message.kind === "typed" && message.type === "X") {
        void this.closeSession();
        return;
      }
      this.queued.push(message);
    }
    void this.forwardQueued();
  }

  private async forwardQueued(): Promise<void> {
    if (this.queued.length === 0 || this.isClosing || this.isAcquiring) return;
    if (!this.hasGate) {
      this.isAcquiring = true;
      await this.gate.acquire();
      this.isAcquiring = false;
      this.hasGate = true;
      if (this.isClosing) return this.releaseGate();
    }
    for (let message = this.queued.shift(); message; message = this.queued.shift()) {
      this.sendUpstream(message);
    }
  }

  private sendUpstream(message: ClientMessage): void {
    const type = message.kind === "typed" ? message.type : "";
    if (message.kind === "startup" || SYNC_POINT_TYPES.has(type)) {
      this.repliesOwed += 1;
      this.hasUnsyncedMessages = false;
    } else if (EXTENDED_QUERY_TYPES.has(type)) {
      this.hasUnsyncedMessages = true;
    }
    this.upstream.write(message.bytes);
  }

  private receiveFromUpstream(chunk: Buffer): void {
    if (!this.isClosing && this.client.writable) this.client.write(chunk);
    for (const status of this.replyReader.push(chunk)) {
      this.repliesOwed = Math.max(0, this.repliesOwed - 1);
      this.isInTransaction = status !== "I";
    }
    if (this.repliesOwed === 0) this.onSettled?.();
    if (!this.isClosing && this.isSessionClean()) {
      this.releaseGate();
      void this.forwardQueued();
    }
  }

  private isSessionClean(): boolean {
    return this.repliesOwed === 0 && !this.hasUnsyncedMessages && !this.isInTransaction;
  }

  /** Leaves the shared session as a fresh connection would find it, then lets the next client in. */
  private async closeSession(): Promise<void> {
    if (this.isClosing) return;
    this.isClosing = true;
    this.queued.length = 0;
    if (this.hasGate && !this.upstream.destroyed) {
      await this.waitForReplies();
      if (this.hasUnsyncedMessages) await this.sendAndWait(SYNC);
      if (this.isInTransaction) await this.sendAndWait(ROLLBACK);
    }
    this.upstream.end();
    this.client.end();
    this.releaseGate();
  }

  private abandonSession(): void {
    this.isClosing = true;
    this.onSettled?.();
    this.client.destroy();
    this.releaseGate();
  }

  private async sendAndWait(bytes: Buffer): Promise<void> {
    if (this.upstream.destroyed) return;
    this.repliesOwed += 1;
    this.hasUnsyncedMessages = false;
    this.upstream.write(bytes);
    await this.waitForReplies();
  }

  private waitForReplies(): Promise<void> {
    if (this.repliesOwed === 0 || this.upstream.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      this.onSettled = () => {
        this.onSettled = undefined;
        resolve();
      };
    });
  }

  private releaseGate(): void {
    if (!this.hasGate) return;
    this.hasGate = false;
    this.gate.release();
  }
}

function encodeQuery(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const header = Buffer.alloc(5);
  header.write("Q", 0, "ascii");
  header.writeInt32BE(4 + text.length, 1);
  return Buffer.concat([header, text]);
}
