// Serves the production build (run `next build` first) against a fresh database
// with the demo seed, for Playwright. Stopped with SIGTERM, it drops what it made.
import { spawn } from "node:child_process";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@/lib/embedded-db/start-embedded-postgres";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import {
  E2E_EMBEDDED_DB_PORT,
  E2E_PORT,
  isEmbeddedE2eDatabase,
} from "@/tests/e2e/support/e2e-database";

const databaseUrl = process.env.E2E_DATABASE_URL ?? "";

async function withAdminClient(action: (client: Client, databaseName: string) => Promise<void>) {
  const target = new URL(databaseUrl);
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await action(client, target.pathname.slice(1));
  } finally {
    await client.end();
  }
}

async function main() {
  const embedded = isEmbeddedE2eDatabase()
    ? await startEmbeddedPostgres({ port: E2E_EMBEDDED_DB_PORT })
    : null;
  if (!embedded)
    await withAdminClient((client, name) =>
      client.query(`CREATE DATABASE "${name}"`).then(() => undefined),
    );
  await applyMigrations({ connectionString: databaseUrl });

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production" as const,
    APP_URL: `http://127.0.0.1:${E2E_PORT}`,
    NEXTAUTH_URL: `http://127.0.0.1:${E2E_PORT}`,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
    DEMO_SIGN_IN: "on",
    ...(embedded ? { EMBEDDED_DB: "true" } : {}),
  };
  const { getDb } = await import("@/lib/db");
  const { seedDemo } = await import("@/prisma/seed-demo");
  await seedDemo(getDb());
  await getDb().$disconnect();

  const server = spawn(
    "node_modules/.bin/next",
    ["start", "-p", String(E2E_PORT), "-H", "127.0.0.1"],
    {
      stdio: "inherit",
      env,
    },
  );
  const stop = async () => {
    server.kill("SIGTERM");
    await embedded?.stop();
    if (!embedded) {
      await withAdminClient((client, name) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
      ).catch((error: unknown) => console.error("could not drop the e2e database", error));
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  server.on("exit", (code) => {
    if (code !== null && code !== 0) process.exit(code);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
