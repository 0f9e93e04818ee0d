export type MigrationErrorCode =
  | "missing_script"
  | "failed_migration"
  | "checksum_mismatch"
  | "migration_failed";

// One error type so callers (CLI, tests, boot code) can tell "the database
// needs a human" apart from connection problems without parsing messages.
export class MigrationError extends Error {
  override readonly name = "MigrationError";

  constructor(
    readonly code: MigrationErrorCode,
    readonly migrationName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
