import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { type SessionProxy, startSessionProxy } from "@/lib/embedded-db/session-proxy";

export interface StartEmbeddedPostgresOptions {
  /** Directory for the data files; undefined keeps everything in memory. */
  dataDir?: string;
  /** 0 or undefined picks a free port. */
  port?: number;
  host?: string;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// Node's server.maxConnections refuses (not queues) connections past the
// limit, so leave room for the app pool (10 in lib/db.ts), the migration
// runner and test helpers that open their own clients.
const MAX_CONNECTIONS = 64;

/**
 * PGlite (Postgres compiled to WASM) served over the Postgres wire protocol,
 * so the normal `pg` driver and Prisma's adapter connect to it like to a
 * server. All connections share one PGlite session: a session proxy lets one
 * connection at a time in, so an open transaction holds back every other
 * connection until it ends, and session state (SET, advisory locks, prepared
 * statements) is shared. User and database names in the URL are ignored.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port = 0,
  host = "127.0.0.1",
}: StartEmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  // PGlite creates the data directory itself but not its parents (.data/ on a fresh clone).
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  // Only the proxy connects here; clients get the proxy's address.
  const server = new PGLiteSocketServer({
    db,
    port: 0,
    host: "127.0.0.1",
    maxConnections: MAX_CONNECTIONS,
  });
  let proxy: SessionProxy | undefined;
  try {
    await server.start();
    proxy = await startSessionProxy({
      upstreamHost: "127.0.0.1",
      upstreamPort: readBoundPort(server.getServerConn()),
      host,
      port,
      maxConnections: MAX_CONNECTIONS,
    });
  } catch (error) {
    await stopServer(proxy, server, db);
    throw error;
  }

  const urlHost = host.includes(":") ? `[${host}]` : host;
  let stopping: Promise<void> | undefined;
  return {
    url: `postgresql://postgres:postgres@${urlHost}:${proxy.port}/postgres?sslmode=disable`,
    port: proxy.port,
    stop() {
      stopping ??= stopServer(proxy, server, db);
      return stopping;
    },
  };
}

// getServerConn() is "host:port" once listening; the port is what listen(0) chose.
function readBoundPort(serverConn: string): number {
  const boundPort = Number(serverConn.slice(serverConn.lastIndexOf(":") + 1));
  if (!Number.isInteger(boundPort) || boundPort <= 0) {
    throw new Error(`Embedded Postgres reported an unexpected address: ${serverConn}`);
  }
  return boundPort;
}

async function stopServer(
  proxy: SessionProxy | undefined,
  server: PGLiteSocketServer,
  db: PGlite,
): Promise<void> {
  await proxy?.close();
  await server.stop();
  // stop() detaches connections without awaiting them; a detach may still
  // roll back an open transaction, which must reach PGlite before close().
  await new Promise((resolve) => setImmediate(resolve));
  await db.close();
}
