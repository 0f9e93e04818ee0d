import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/embedded-db/start-embedded-postgres";
import { applyMigrations } from "@/lib/migrations/apply-migrations";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/**
 * A fresh, migrated database for one test run (or one test that needs its own).
 * With TEST_DATABASE_URL it is a new database on that server (CI, real
 * Postgres); without it an in-memory PGlite, so tests need no setup at all.
 * Pass `migrate: false` for tests that exercise the migrations themselves.
 */
export async function createTestDatabase({
  migrate = true,
}: {
  migrate?: boolean;
} = {}): Promise<TestDatabase> {
  // Test support may read the environment: it decides which server to use
  // before any app module (and lib/env.ts) is loaded.
  const serverUrl = process.env.TEST_DATABASE_URL;
  const database = serverUrl
    ? await createServerDatabase(serverUrl)
    : await createEmbeddedDatabase();
  if (migrate) {
    try {
      await applyMigrations({ connectionString: database.url, migrationsDir: MIGRATIONS_DIR });
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return database;
}

async function createEmbeddedDatabase(): Promise<TestDatabase> {
  const server = await startEmbeddedPostgres();
  return { url: server.url, drop: () => server.stop() };
}

async function createServerDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `faultline_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  let dropping: Promise<void> | undefined;
  return {
    url: url.toString(),
    drop() {
      dropping ??= withAdminClient(serverUrl, async (admin) => {
        // Pools left open by the code under test would block DROP DATABASE.
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [name],
        );
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      });
      return dropping;
    },
  };
}

async function withAdminClient<T>(url: string, run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}
