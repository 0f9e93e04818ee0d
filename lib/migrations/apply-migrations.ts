import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { MigrationError } from "@/lib/migrations/migration-error";
import {
  assertChecksumMatches,
  assertHistoryIsClean,
  classifyMigration,
  createFailedMigrationError,
} from "@/lib/migrations/migration-history";
import {
  ensureMigrationsTable,
  insertStartedMigration,
  loadMigrationRows,
  markMigrationFailed,
  markMigrationFinished,
} from "@/lib/migrations/prisma-migrations-table";
import { type LocalMigration, readMigrationsDir } from "@/lib/migrations/read-migrations-dir";

// The key `prisma migrate` locks on, so this runner and the Prisma CLI never
// migrate the same database at the same time.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export interface ApplyMigrationsOptions {
  connectionString: string;
  /** Defaults to prisma/migrations under the working directory, like the Prisma CLI. */
  migrationsDir?: string;
  log?: (message: string) => void;
}

export interface ApplyMigrationsResult {
  applied: string[];
  skipped: string[];
}

/**
 * `prisma migrate deploy` without the schema engine binary: applies pending
 * migrations and keeps `_prisma_migrations` exactly as Prisma would, so either
 * tool can take over a database the other one migrated.
 */
export async function applyMigrations({
  connectionString,
  migrationsDir = path.resolve(process.cwd(), "prisma", "migrations"),
  log = () => {},
}: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const migrations = await readMigrationsDir(migrationsDir);
  const client = new pg.Client({ connectionString });
  // Without a listener a dropped connection would crash the process; the
  // pending query rejects anyway and carries the error to the caller.
  client.on("error", (error) => log(`migration connection error: ${error.message}`));
  await client.connect();

  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    try {
      return await applyPendingMigrations(client, migrations, log);
    } finally {
      // If the connection is gone the session, and with it the lock, is gone
      // too; the error that brought us here is the one worth reporting.
      await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

async function applyPendingMigrations(
  client: pg.Client,
  migrations: LocalMigration[],
  log: (message: string) => void,
): Promise<ApplyMigrationsResult> {
  await ensureMigrationsTable(client);
  assertHistoryIsClean(migrations, await loadMigrationRows(client));

  const result: ApplyMigrationsResult = { applied: [], skipped: [] };
  for (const migration of migrations) {
    const outcome = await applyMigrationInTransaction(client, migration);
    result[outcome].push(migration.name);
    if (outcome === "applied") log(`Applied migration ${migration.name}`);
  }
  return result;
}

/**
 * The history check, the bookkeeping row and the script share one transaction.
 * That is what serializes concurrent runners on PGlite, where every socket
 * connection shares one session and advisory locks never block; it also means
 * a failed script leaves no half-applied DDL behind.
 */
async function applyMigrationInTransaction(
  client: pg.Client,
  migration: LocalMigration,
): Promise<"applied" | "skipped"> {
  await client.query("BEGIN");
  let isOpen = true;
  try {
    const state = classifyMigration(await loadMigrationRows(client, migration.name));
    if (state.kind === "failed") throw createFailedMigrationError(state.row);
    if (state.kind === "applied") {
      assertChecksumMatches(migration, state.row);
      await client.query("COMMIT");
      isOpen = false;
      return "skipped";
    }

    const id = randomUUID();
    await insertStartedMigration(client, {
      id,
      migrationName: migration.name,
      checksum: migration.checksum,
    });
    await client.query("SAVEPOINT migration_script");
    try {
      // No parameters: pg uses the simple query protocol, which runs a
      // multi-statement script, as Prisma does.
      await client.query(migration.script);
    } catch (error) {
      // Undo the script but keep the row: like Prisma, the failure stays on
      // record and blocks later runs until someone resolves it.
      await client.query("ROLLBACK TO SAVEPOINT migration_script");
      await markMigrationFailed(client, id, describeDatabaseError(error));
      await client.query("COMMIT");
      isOpen = false;
      throw new MigrationError(
        "migration_failed",
        migration.name,
        `Migration "${migration.name}" failed and was rolled back: ${describeDatabaseError(error)}`,
        { cause: error },
      );
    }
    await markMigrationFinished(client, id);
    await client.query("COMMIT");
    isOpen = false;
    return "applied";
  } finally {
    // A failed ROLLBACK means the connection is gone; the error that got us
    // here says more than that does.
    if (isOpen) await client.query("ROLLBACK").catch(() => {});
  }
}

function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!(error instanceof pg.DatabaseError)) return error.message;
  const details = [
    error.code && `SQLSTATE ${error.code}`,
    error.position && `at character ${error.position}`,
    error.detail,
    error.hint && `hint: ${error.hint}`,
  ].filter(Boolean);
  return details.length > 0 ? `${error.message} (${details.join("; ")})` : error.message;
}
