// `npm start`: one command from a fresh clone to a running Faultline.
// Without DATABASE_URL it starts the embedded Postgres (PGlite, data in .data/),
// migrates, seeds the demo, builds when sources changed, and serves on PORT (3000).
// With the embedded database it also runs the demo executor (DEMO_EXECUTOR).
import { isDemoExecutorEnabled } from "@/lib/demo/demo-executor-setting";
import { env } from "@/lib/env";
import { needsBuild } from "@/scripts/lib/needs-build";
import { type LocalApp, prepareLocalApp, serveUntilStopped } from "@/scripts/lib/prepare-local-app";
import { runCommand, startCommand } from "@/scripts/lib/run-command";

// A child of its own: whatever it does, the server keeps serving. It waits for the
// server itself (the executor retries until the API answers).
function startDemoExecutor(app: LocalApp): void {
  const child = startCommand(
    "node_modules/.bin/tsx",
    ["scripts/demo-executor.ts", "--url", `http://127.0.0.1:${app.port}`],
    app.env,
  );
  child.on("error", (error) => console.error(`[executor] could not start: ${error.message}`));
  // Stopping `npm start` stops the demo too; its spool keeps what it had not sent.
  process.on("exit", () => child.kill("SIGTERM"));
}

async function main() {
  const root = process.cwd();
  const app = await prepareLocalApp(root);
  if (needsBuild(root)) {
    console.log("Building the app (first run or sources changed)…");
    if ((await runCommand("node_modules/.bin/next", ["build"], app.env)) !== 0)
      throw new Error("next build failed.");
  }
  const server = startCommand("node_modules/.bin/next", ["start", "-p", app.port], app.env);
  console.log(`Faultline: ${app.appUrl}`);
  serveUntilStopped(app, server);
  if (isDemoExecutorEnabled({ setting: env.DEMO_EXECUTOR, isEmbeddedDb: app.embedded !== null })) {
    startDemoExecutor(app);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
