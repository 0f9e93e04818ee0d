import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import {
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from "@/lib/embedded-db/start-embedded-postgres";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { readOrCreateSecret } from "@/scripts/lib/local-secrets";
import { runCommand } from "@/scripts/lib/run-command";

export type LocalApp = {
  env: NodeJS.ProcessEnv;
  port: string;
  appUrl: string;
  embedded: EmbeddedPostgres | null;
};

// Shared by `npm start` and `npm run dev`: a database (embedded unless DATABASE_URL
// is set), migrated and seeded, and the environment the Next server needs.
export async function prepareLocalApp(root: string): Promise<LocalApp> {
  const port = process.env.PORT ?? "3000";
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: join(root, ".data", "pglite"),
        port: Number(process.env.EMBEDDED_DB_PORT ?? 54329),
      });
  const databaseUrl = embedded?.url ?? process.env.DATABASE_URL ?? "";
  console.log(embedded ? `Embedded Postgres on ${embedded.url}` : "Using DATABASE_URL");

  const { applied } = await applyMigrations({ connectionString: databaseUrl });
  console.log(
    applied.length > 0 ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.",
  );

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    NEXTAUTH_SECRET:
      process.env.NEXTAUTH_SECRET ?? readOrCreateSecret(join(root, ".data", "auth-secret")),
    ...(embedded ? { EMBEDDED_DB: "true" } : {}),
  };
  if (
    process.env.FAULTLINE_SEED !== "off" &&
    (await runCommand("npx", ["tsx", "prisma/seed.ts"], env)) !== 0
  ) {
    throw new Error("Seeding the demo data failed.");
  }
  return { env, port, appUrl, embedded };
}

export function serveUntilStopped(app: LocalApp, server: ChildProcess) {
  const shutdown = async (code: number) => {
    server.kill("SIGTERM");
    await app.embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 0));
}
