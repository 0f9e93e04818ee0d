import { isChecksumMatch } from "@/lib/migrations/migration-checksum";
import { MigrationError } from "@/lib/migrations/migration-error";
import type { MigrationRow } from "@/lib/migrations/prisma-migrations-table";
import type { LocalMigration } from "@/lib/migrations/read-migrations-dir";

export type MigrationState =
  | { kind: "pending" }
  | { kind: "applied"; row: MigrationRow }
  | { kind: "failed"; row: MigrationRow };

// Prisma's reading of the history: rolled-back attempts are ignored (the
// migration may be applied again), an unfinished attempt blocks everything.
export function classifyMigration(rows: MigrationRow[]): MigrationState {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const finished = live.filter((row) => row.finished_at !== null).at(-1);
  if (finished) return { kind: "applied", row: finished };
  const failed = live.at(-1);
  if (failed) return { kind: "failed", row: failed };
  return { kind: "pending" };
}

export function createFailedMigrationError(row: MigrationRow): MigrationError {
  const name = row.migration_name;
  return new MigrationError(
    "failed_migration",
    name,
    `Migration "${name}" started at ${row.started_at.toISOString()} failed and was never rolled back, ` +
      "so no further migrations are applied. Repair the database, then run " +
      `\`npx prisma migrate resolve --rolled-back "${name}"\` (or --applied) and migrate again.` +
      (row.logs ? `\nRecorded error: ${row.logs}` : ""),
  );
}

export function assertChecksumMatches(migration: LocalMigration, row: MigrationRow): void {
  if (isChecksumMatch(migration.bytes, row.checksum)) return;
  throw new MigrationError(
    "checksum_mismatch",
    migration.name,
    `Migration "${migration.name}" was modified after it was applied: the database recorded ` +
      `checksum ${row.checksum} but prisma/migrations has ${migration.checksum}. ` +
      "Restore the original migration.sql and put the change in a new migration.",
  );
}

// Checked before anything is applied so a bad history changes nothing.
export function assertHistoryIsClean(migrations: LocalMigration[], rows: MigrationRow[]): void {
  const byName = groupByMigrationName(rows);
  for (const [, migrationRows] of byName) {
    const state = classifyMigration(migrationRows);
    if (state.kind === "failed") throw createFailedMigrationError(state.row);
  }
  for (const migration of migrations) {
    const state = classifyMigration(byName.get(migration.name) ?? []);
    if (state.kind === "applied") assertChecksumMatches(migration, state.row);
  }
}

// Map.groupBy needs Node 21; we support Node 20.
function groupByMigrationName(rows: MigrationRow[]): Map<string, MigrationRow[]> {
  const groups = new Map<string, MigrationRow[]>();
  for (const row of rows) {
    const group = groups.get(row.migration_name);
    if (group) group.push(row);
    else groups.set(row.migration_name, [row]);
  }
  return groups;
}
