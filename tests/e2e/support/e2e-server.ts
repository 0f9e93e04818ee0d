// Serves the production build (run `next build` first) against a fresh database
// with the demo seed, for Playwright. Stopped with SIGTERM, it drops what it made.
// With E2E_LLM=fake (the main server) it also runs the fake OpenAI-compatible
// provider the specs script; with E2E_LLM=off (playwright.config.ts's second server)
// no provider is configured at all.
import { spawn } from "node:child_process";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@/lib/embedded-db/start-embedded-postgres";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { E2E_PORT, isEmbeddedE2eDatabase } from "@/tests/e2e/support/e2e-database";
import { startE2eLlmServer } from "@/tests/e2e/support/e2e-llm-server";

const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const isFakeLlm = process.env.E2E_LLM === "fake";

// A developer's real key must never reach an e2e server: each one gets either the
// fake provider or none.
function llmEnv(fake: { env: Record<string, string> } | null): Record<string, string | undefined> {
  return {
    OPENAI_API_KEY: undefined,
    OPENAI_BASE_URL: undefined,
    OPENAI_MODEL: undefined,
    OPENAI_API_MODE: undefined,
    ...fake?.env,
  };
}

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
  // The embedded instance listens where the URL says (each server has its own).
  const embedded = isEmbeddedE2eDatabase()
    ? await startEmbeddedPostgres({ port: Number(new URL(databaseUrl).port) })
    : null;
  if (!embedded)
    await withAdminClient((client, name) =>
      client.query(`CREATE DATABASE "${name}"`).then(() => undefined),
    );
  await applyMigrations({ connectionString: databaseUrl });
  const llm = isFakeLlm ? await startE2eLlmServer() : null;

  const env = {
    ...process.env,
    ...llmEnv(llm),
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production" as const,
    APP_URL: `http://127.0.0.1:${E2E_PORT}`,
    NEXTAUTH_URL: `http://127.0.0.1:${E2E_PORT}`,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
    DEMO_SIGN_IN: "on",
    // The in-process job worker runs proposals and deploy watches: on, and quick.
    JOB_WORKER_POLL_MS: "1000",
    ...(embedded ? { EMBEDDED_DB: "true" } : {}),
  };
  // The seed below runs in this process: on this server's database, not the main one's.
  process.env.DATABASE_URL = databaseUrl;
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
    await llm?.close();
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
