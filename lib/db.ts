import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg({ connectionString, max: 10 });
  // Key hashes never leave the database unless a query opts in explicitly.
  return new PrismaClient({ adapter, omit: { apiKey: { hash: true } } });
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
