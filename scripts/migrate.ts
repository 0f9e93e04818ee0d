// npm run db:migrate – apply prisma/migrations to DATABASE_URL (prisma migrate deploy without the schema engine binary)
import { applyMigrations } from "../lib/migrations/apply-migrations";
import { MigrationError } from "../lib/migrations/migration-error";

async function main(): Promise<number> {
  // Scripts run outside Next, so they read the environment directly.
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL is not set: point it at the database to migrate.");
    return 1;
  }

  try {
    const { applied, skipped } = await applyMigrations({
      connectionString,
      log: (message) => console.log(message),
    });
    console.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
        : "No pending migrations: the database is up to date.",
    );
    if (skipped.length > 0) console.log(`Already applied: ${skipped.length}`);
    return 0;
  } catch (error) {
    if (error instanceof MigrationError) {
      console.error(`Migration ${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
