import type pg from "pg";

export interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

// Byte-for-byte the table `prisma migrate` creates, so `prisma migrate deploy`
// (Vercel) and `prisma migrate status` read our history as their own.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const SELECT_COLUMNS = `"id", "checksum", "migration_name", "started_at", "finished_at",
  "rolled_back_at", "logs", "applied_steps_count"`;

export async function ensureMigrationsTable(client: pg.ClientBase): Promise<void> {
  await client.query(CREATE_MIGRATIONS_TABLE);
}

export async function loadMigrationRows(
  client: pg.ClientBase,
  migrationName?: string,
): Promise<MigrationRow[]> {
  const result = migrationName
    ? await client.query<MigrationRow>(
        `SELECT ${SELECT_COLUMNS} FROM "_prisma_migrations" WHERE "migration_name" = $1 ORDER BY "started_at"`,
        [migrationName],
      )
    : await client.query<MigrationRow>(
        `SELECT ${SELECT_COLUMNS} FROM "_prisma_migrations" ORDER BY "started_at"`,
      );
  return result.rows;
}

export async function insertStartedMigration(
  client: pg.ClientBase,
  row: { id: string; migrationName: string; checksum: string },
): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
     VALUES ($1, $2, $3, clock_timestamp(), 0)`,
    [row.id, row.checksum, row.migrationName],
  );
}

// A Prisma migration is a single step, so a finished one has exactly 1.
export async function markMigrationFinished(client: pg.ClientBase, id: string): Promise<void> {
  await client.query(
    `UPDATE "_prisma_migrations"
     SET "finished_at" = clock_timestamp(), "applied_steps_count" = "applied_steps_count" + 1
     WHERE "id" = $1`,
    [id],
  );
}

export async function markMigrationFailed(
  client: pg.ClientBase,
  id: string,
  logs: string,
): Promise<void> {
  await client.query(`UPDATE "_prisma_migrations" SET "logs" = $2 WHERE "id" = $1`, [id, logs]);
}
