// `npm start`: one command from a fresh clone to a running Faultline.
// Without DATABASE_URL it starts the embedded Postgres (PGlite, data in .data/),
// migrates, seeds the demo, builds when sources changed, and serves on PORT (3000).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { startEmbeddedPostgres } from "@/lib/embedded-db/start-embedded-postgres";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { readOrCreateSecret } from "@/scripts/lib/local-secrets";
import { needsBuild } from "@/scripts/lib/needs-build";

const root = process.cwd();

// Never spawnSync here: the embedded database is served from this process's event
// loop, so blocking it would deadlock a child that talks to the database.
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}
const port = process.env.PORT ?? "3000";
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

async function main() {
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

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    NEXTAUTH_SECRET:
      process.env.NEXTAUTH_SECRET ?? readOrCreateSecret(join(root, ".data", "auth-secret")),
    ...(embedded ? { EMBEDDED_DB: "true" } : {}),
  };

  if (process.env.FAULTLINE_SEED !== "off") {
    if ((await run("npx", ["tsx", "prisma/seed.ts"], childEnv)) !== 0) {
      throw new Error("Seeding the demo data failed.");
    }
  }

  if (needsBuild(root)) {
    console.log("Building the app (first run or sources changed)…");
    if ((await run("npx", ["next", "build"], childEnv)) !== 0) throw new Error("next build failed.");
  }

  const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: childEnv });
  console.log(`Faultline: ${appUrl}`);
  const shutdown = async (code: number) => {
    server.kill("SIGTERM");
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
