import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { MigrationError } from "@/lib/migrations/migration-error";
import {
  createTestDatabase,
  MIGRATIONS_DIR,
  type TestDatabase,
} from "@/tests/support/test-database";

const INIT = "20261124000000_init";
// Every migration the repo ships, in the order they apply.
const ALL = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function createEmptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrate: false });
  cleanups.push(() => database.drop());
  return database;
}

/** A scratch copy of prisma/migrations the test may add to or edit. */
async function copyMigrationsDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "faultline-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

function readHistory(url: string): Promise<HistoryRow[]> {
  return query<HistoryRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY "started_at"`);
}

async function expectMigrationError(
  run: Promise<unknown>,
  code: MigrationError["code"],
  migrationName: string,
): Promise<MigrationError> {
  const error = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MigrationError);
  const migrationError = error as MigrationError;
  expect(migrationError.code).toBe(code);
  expect(migrationError.migrationName).toBe(migrationName);
  expect(migrationError.message).toContain(`"${migrationName}"`);
  return migrationError;
}

describe("applyMigrations", () => {
  it("applies init to a fresh database and records it as Prisma does", async () => {
    const { url } = await createEmptyDatabase();

    const result = await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR });

    expect(result).toEqual({ applied: ALL, skipped: [] });
    const script = await readFile(path.join(MIGRATIONS_DIR, INIT, "migration.sql"));
    const history = await readHistory(url);
    expect(history.map((entry) => entry.migration_name)).toEqual(ALL);
    const [row] = history;
    expect(row).toMatchObject({
      migration_name: INIT,
      checksum: createHash("sha256").update(script).digest("hex"),
      rolled_back_at: null,
      logs: null,
      applied_steps_count: 1,
    });
    expect(row?.finished_at).toBeInstanceOf(Date);
    expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
    const tables = await query<{ count: number }>(
      url,
      `SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public' AND tablename = 'users'`,
    );
    expect(tables[0]?.count).toBe(1);
  });

  it("creates _prisma_migrations with exactly Prisma's columns", async () => {
    const { url } = await createEmptyDatabase();
    await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR });

    const columns = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      {
        column_name: "id",
        data_type: "character varying",
        length: 36,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "checksum",
        data_type: "character varying",
        length: 64,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        length: 255,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "logs",
        data_type: "text",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "NO",
        column_default: "now()",
      },
      {
        column_name: "applied_steps_count",
        data_type: "integer",
        length: null,
        is_nullable: "NO",
        column_default: "0",
      },
    ]);
  });

  it("applies nothing on a second run", async () => {
    const { url } = await createEmptyDatabase();
    await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR });

    const second = await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR });

    expect(second).toEqual({ applied: [], skipped: ALL });
    expect(await readHistory(url)).toHaveLength(ALL.length);
  });

  it("applies init exactly once when five runners race on a fresh database", async () => {
    const { url } = await createEmptyDatabase();

    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR }),
      ),
    );

    expect(results.flatMap((result) => result.applied)).toEqual(ALL);
    expect(results.flatMap((result) => result.skipped)).toEqual(
      Array.from({ length: 4 }, () => ALL).flat(),
    );
    const history = await readHistory(url);
    expect(history).toHaveLength(ALL.length);
    expect(history.every((entry) => entry.applied_steps_count === 1)).toBe(true);
  });

  it("refuses a migration whose recorded checksum no longer matches", async () => {
    const { url } = await createEmptyDatabase();
    await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR });
    await query(url, `UPDATE "_prisma_migrations" SET "checksum" = $1`, ["0".repeat(64)]);

    const error = await expectMigrationError(
      applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR }),
      "checksum_mismatch",
      INIT,
    );
    expect(error.message).toContain("0".repeat(64));
  });

  it("refuses an applied migration that was edited afterwards, but tolerates CRLF line endings", async () => {
    const { url } = await createEmptyDatabase();
    const dir = await copyMigrationsDir();
    await applyMigrations({ connectionString: url, migrationsDir: dir });
    const scriptPath = path.join(dir, INIT, "migration.sql");
    const original = await readFile(scriptPath, "utf8");

    // What a Windows checkout with core.autocrlf does; Prisma accepts it too.
    await writeFile(scriptPath, original.replaceAll("\n", "\r\n"));
    await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).resolves.toEqual({
      applied: [],
      skipped: ALL,
    });

    await writeFile(scriptPath, `${original}\nALTER TABLE "users" ADD COLUMN "nickname" TEXT;\n`);
    await expectMigrationError(
      applyMigrations({ connectionString: url, migrationsDir: dir }),
      "checksum_mismatch",
      INIT,
    );
  });

  it("rolls back a failing migration, records it as failed and refuses to continue until resolved", async () => {
    const { url } = await createEmptyDatabase();
    const dir = await copyMigrationsDir();
    const broken = "20990101000000_broken";
    await writeMigration(
      dir,
      broken,
      'CREATE TABLE "broken_probe" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n',
    );

    const failure = await expectMigrationError(
      applyMigrations({ connectionString: url, migrationsDir: dir }),
      "migration_failed",
      broken,
    );
    expect(failure.message).toContain("no_such_table");

    const history = await readHistory(url);
    const failed = history.at(-1);
    expect(history.slice(0, -1).map((entry) => entry.migration_name)).toEqual(ALL);
    expect(failed).toMatchObject({
      migration_name: broken,
      finished_at: null,
      rolled_back_at: null,
      applied_steps_count: 0,
    });
    expect(failed?.logs).toContain("no_such_table");
    const probe = await query(url, `SELECT to_regclass('public.broken_probe') AS probe`);
    expect(probe).toEqual([{ probe: null }]);

    // Fixing the file is not enough: a human has to resolve the failed row first.
    await writeMigration(dir, broken, 'CREATE TABLE "broken_probe" ("id" INTEGER);\n');
    await expectMigrationError(
      applyMigrations({ connectionString: url, migrationsDir: dir }),
      "failed_migration",
      broken,
    );

    // What `prisma migrate resolve --rolled-back` does.
    await query(
      url,
      `UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = $1`,
      [broken],
    );
    await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).resolves.toEqual({
      applied: [broken],
      skipped: ALL,
    });
  });

  it("names a migration directory without migration.sql", async () => {
    const { url } = await createEmptyDatabase();
    const dir = await copyMigrationsDir();
    await mkdir(path.join(dir, "20990101000000_empty"));

    await expectMigrationError(
      applyMigrations({ connectionString: url, migrationsDir: dir }),
      "missing_script",
      "20990101000000_empty",
    );
  });
});
