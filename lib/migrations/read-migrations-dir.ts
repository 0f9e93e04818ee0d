import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { computeMigrationChecksum } from "@/lib/migrations/migration-checksum";
import { MigrationError } from "@/lib/migrations/migration-error";

export interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
  /** Raw bytes, kept for line-ending tolerant checksum comparison. */
  bytes: Buffer;
}

// Same layout and order as `prisma migrate deploy`: one directory per
// migration, applied in lexicographic order of the directory names.
export async function readMigrationsDir(migrationsDir: string): Promise<LocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  return Promise.all(
    names.map(async (name) => {
      const scriptPath = path.join(migrationsDir, name, "migration.sql");
      const bytes = await readFile(scriptPath).catch((error: unknown) => {
        throw new MigrationError(
          "missing_script",
          name,
          `Migration "${name}" has no migration.sql`,
          {
            cause: error,
          },
        );
      });
      return {
        name,
        bytes,
        script: bytes.toString("utf8"),
        checksum: computeMigrationChecksum(bytes),
      };
    }),
  );
}
