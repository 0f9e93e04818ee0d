import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { getDatabasePoolOptions } from "@/lib/db-availability/database-pool-options";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pg pool per process, shared by Prisma (through the adapter) and the few hot
// paths that need a single hand-written statement (ingest).
function createPool(connectionString: string): Pool {
  return new Pool({
    connectionString,
    ...getDatabasePoolOptions({ isEmbedded: env.EMBEDDED_DB }),
    idleTimeoutMillis: 30_000,
    // Scripts (seed, migrate) exit when done instead of waiting for idle clients.
    allowExitOnIdle: true,
  });
}

function createPrismaClient(pool: Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    // Key hashes never leave the database unless a query opts in explicitly.
    omit: { apiKey: { hash: true } },
    // The embedded database runs one transaction at a time, so a burst queues
    // longer than Prisma's 2 s default before a transaction can start.
    ...(env.EMBEDDED_DB ? { transactionOptions: { maxWait: 20_000, timeout: 20_000 } } : {}),
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

type Connection = { pool: Pool; prisma: Db };
const globalForDb = globalThis as unknown as { faultlineDb?: Connection };

function getConnection(): Connection {
  if (globalForDb.faultlineDb) return globalForDb.faultlineDb;
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: run `npm start` (embedded database) or set it.");
  }
  const pool = createPool(env.DATABASE_URL);
  // An idle client dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on("error", (error) => console.warn("[db] idle client error", error.message));
  // Cached in production too: one pool per server process, not per request.
  globalForDb.faultlineDb = { pool, prisma: createPrismaClient(pool) };
  return globalForDb.faultlineDb;
}

export function getDb(): Db {
  return getConnection().prisma;
}

export function getPool(): Pool {
  return getConnection().pool;
}
