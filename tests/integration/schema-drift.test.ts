import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findSchemaDrift, readPrismaSchema } from "@/tests/support/schema-drift";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

const schemaSource = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");

async function withClient<T>(url: string, run: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}

describe("readPrismaSchema", () => {
  // Guards the checker itself: a parser that read nothing would report no drift.
  it("reads every model, enum, index and relation of schema.prisma", () => {
    const shape = readPrismaSchema(schemaSource);

    expect(shape.tables.size).toBe(schemaSource.match(/^model /gm)?.length);
    expect(shape.enums.size).toBe(schemaSource.match(/^enum /gm)?.length);
    expect(shape.enums.get("activity_kind")).toEqual([
      "created",
      "status_changed",
      "regressed",
      "comment",
      "fix_proposed",
      "fix_deployed",
      "rolled_back",
    ]);
    expect(shape.tables.get("regeneration_attempts")?.get("estimated_cost_usd")).toEqual({
      type: "numeric(12,6)",
      isNullable: false,
      defaultExpr: "0",
    });
    expect(shape.tables.get("users")?.get("role")).toEqual({
      type: "user_role",
      isNullable: false,
      defaultExpr: "'trader'::user_role",
    });
    expect(shape.indexes).toContainEqual({
      table: "error_groups",
      name: "error_groups_user_id_last_seen_at_id_idx",
      kind: "index",
      columns: ["user_id", "last_seen_at", "id"],
      descending: [false, true, true],
    });
    expect(shape.indexes).toContainEqual({
      table: "notification_preferences",
      name: "notification_preferences_pkey",
      kind: "primary",
      columns: ["user_id", "kind"],
      descending: [false, false],
    });
    expect(shape.foreignKeys).toContainEqual({
      table: "traders",
      name: "traders_active_version_id_fkey",
      columns: ["active_version_id"],
      referencedTable: "trader_code_versions",
      referencedColumns: ["id"],
      onDelete: "SetNull",
      onUpdate: "Cascade",
    });
    expect(shape.foreignKeys).toHaveLength(
      schemaSource.match(/@relation\([^)]*fields:/g)?.length ?? -1,
    );
  });
});

describe("migrated database", () => {
  it("matches schema.prisma exactly", async () => {
    const drift = await withClient(inject("databaseUrl"), (db) =>
      findSchemaDrift({ schemaSource, db }),
    );
    expect(drift).toEqual([]);
  });
});

describe("findSchemaDrift", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("reports every kind of drift in a hand-altered database", async () => {
    const drift = await withClient(database.url, async (db) => {
      await db.query(`
        ALTER TABLE "users" DROP COLUMN "name";
        ALTER TABLE "jobs" ALTER COLUMN "attempts" TYPE BIGINT;
        ALTER TABLE "regeneration_attempts" ALTER COLUMN "estimated_cost_usd" TYPE DECIMAL(10,2);
        ALTER TABLE "traders" ALTER COLUMN "description" SET NOT NULL;
        ALTER TABLE "traders" ALTER COLUMN "auto_rollback" DROP DEFAULT;
        ALTER TYPE "severity" ADD VALUE 'catastrophic';
        DROP INDEX "api_keys_user_id_created_at_idx";
        CREATE INDEX "api_keys_user_id_created_at_idx" ON "api_keys"("user_id", "created_at");
        DROP INDEX "sessions_session_token_key";
        CREATE INDEX "sessions_session_token_key" ON "sessions"("session_token");
        ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_pkey";
        ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id");
        ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_fkey";
        ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey"
          FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        CREATE TABLE "stray" ("id" INTEGER);
      `);
      return findSchemaDrift({ schemaSource, db });
    });

    expect([...drift].sort()).toEqual(
      [
        'unexpected table "stray"',
        'missing column of "users" "name"',
        'column "jobs"."attempts": type is int8, schema says int4',
        'column "regeneration_attempts"."estimated_cost_usd": type is numeric(10,2), schema says numeric(12,6)',
        'column "traders"."description": NOT NULL, schema says nullable',
        'column "traders"."auto_rollback": default is (none), schema says false',
        'enum "severity": values are [low, medium, high, critical, catastrophic], schema says [low, medium, high, critical]',
        'missing index index "api_keys_user_id_created_at_idx" on "api_keys" (user_id, created_at DESC)',
        'unexpected index index "api_keys_user_id_created_at_idx" on "api_keys" (user_id, created_at)',
        'missing index unique "sessions_session_token_key" on "sessions" (session_token)',
        'unexpected index index "sessions_session_token_key" on "sessions" (session_token)',
        'missing index primary "notification_preferences_pkey" on "notification_preferences" (user_id, kind)',
        'unexpected index primary "notification_preferences_pkey" on "notification_preferences" (user_id)',
        'missing foreign key "sessions_user_id_fkey" "sessions" (user_id) -> "users" (id) ON DELETE Cascade ON UPDATE Cascade',
        'unexpected foreign key "sessions_user_id_fkey" "sessions" (user_id) -> "users" (id) ON DELETE Restrict ON UPDATE Cascade',
      ].sort(),
    );
  });
});
