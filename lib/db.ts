import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg({ connectionString, max: 10 });
  return new PrismaClient({
    adapter,
    // Key hashes never leave the database unless a query opts in explicitly.
    omit: { apiKey: { hash: true } },
    // The embedded database runs one transaction at a time, so a burst queues
    // longer than Prisma's 2 s default before a transaction can start.
    ...(env.EMBEDDED_DB ? { transactionOptions: { maxWait: 20_000, timeout: 20_000 } } : {}),
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { faultlinePrisma?: Db };

function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: run `npm start` (embedded database) or set it.");
  }
  return env.DATABASE_URL;
}

export function getDb(): Db {
  if (globalForPrisma.faultlinePrisma) return globalForPrisma.faultlinePrisma;
  const client = createPrismaClient(requireDatabaseUrl());
  // Cache in production too: one pool per server process, not per request.
  globalForPrisma.faultlinePrisma = client;
  return client;
}
