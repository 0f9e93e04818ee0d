import { getPool } from "@/lib/db";
import { logSystemError } from "@/lib/system-errors/log-system-error";

type FailedMigrationRow = { migration_name: string; started_at: Date; logs: string | null };

const MAX_LOG_CHARS = 2_000;

/**
 * A migration that started and never finished (and was not rolled back) leaves the
 * schema half-applied: `prisma migrate deploy` refuses to continue until someone
 * resolves it. Checked at server start so an admin sees it under /admin/errors and
 * /api/health turns degraded, instead of it living only in a deploy log. One
 * unresolved system error per migration, however often the server restarts.
 */
export async function reportFailedMigrations(): Promise<{ reported: string[] }> {
  const pool = getPool();
  const { rows } = await pool.query<FailedMigrationRow>(
    `SELECT m.migration_name, m.started_at, m.logs
       FROM _prisma_migrations m
      WHERE m.finished_at IS NULL AND m.rolled_back_at IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM system_errors s
           WHERE s.error_type = 'migration_failed' AND s.resolved_at IS NULL
             AND s.context->>'migration' = m.migration_name)
      ORDER BY m.started_at`,
  );
  for (const row of rows) {
    await logSystemError({
      errorType: "migration_failed",
      severity: "critical",
      component: "migrations",
      message: `Migration ${row.migration_name} failed and blocks later migrations.`,
      context: {
        migration: row.migration_name,
        started_at: row.started_at.toISOString(),
        logs: row.logs?.slice(0, MAX_LOG_CHARS) ?? null,
      },
    });
  }
  return { reported: rows.map((row) => row.migration_name) };
}
