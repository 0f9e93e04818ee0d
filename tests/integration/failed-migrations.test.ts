import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// A failed migration row is planted in _prisma_migrations: a database of its own, so
// no other file's health checks see the critical error it produces.
let database: TestDatabase;

async function loadApp() {
  const [db, report, health] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/migrations/report-failed-migrations"),
    import("@/lib/health/get-health-report"),
  ]);
  return { ...db, ...report, ...health };
}
let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  app = await loadApp();
}, 60_000);

afterAll(async () => {
  await app.getDb().$disconnect();
  await app.getPool().end();
  await database.drop();
});

async function plantMigration(name: string, state: "failed" | "finished" | "rolled_back") {
  await app.getPool().query(
    `INSERT INTO _prisma_migrations
       (id, checksum, migration_name, started_at, finished_at, rolled_back_at, logs, applied_steps_count)
     VALUES ($1, 'x', $2, now(), $3, $4, $5, 0)`,
    [
      randomUUID(),
      name,
      state === "finished" ? new Date() : null,
      state === "rolled_back" ? new Date() : null,
      state === "failed" ? 'ERROR: column "oops" does not exist' : null,
    ],
  );
}

describe("failed migrations at server start", () => {
  it("reports each failed migration once as a critical system error, and health degrades", async () => {
    const failed = `20990101000000_broken_${randomUUID().slice(0, 8)}`;
    await plantMigration(failed, "failed");
    await plantMigration(`20990101000001_rolled_back_${randomUUID().slice(0, 8)}`, "rolled_back");
    await plantMigration(`20990101000002_fine_${randomUUID().slice(0, 8)}`, "finished");

    expect(await app.reportFailedMigrations()).toEqual({ reported: [failed] });
    // A restart does not report it again while it is unresolved.
    expect(await app.reportFailedMigrations()).toEqual({ reported: [] });

    const rows = await app
      .getDb()
      .systemError.findMany({ where: { errorType: "migration_failed" } });
    expect(rows).toEqual([
      expect.objectContaining({
        severity: "critical",
        component: "migrations",
        message: expect.stringContaining(failed),
        context: expect.objectContaining({
          migration: failed,
          logs: expect.stringContaining("oops"),
        }),
        resolvedAt: null,
      }),
    ]);
    const report = await app.getHealthReport();
    expect(report.status).toBe("degraded");
  });

  it("reports nothing for a database whose migrations all finished", async () => {
    await app
      .getPool()
      .query("DELETE FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL");
    expect(await app.reportFailedMigrations()).toEqual({ reported: [] });
  });
});
