// `npm start`: one command from a fresh clone to a running Faultline.
// Without DATABASE_URL it starts the embedded Postgres (PGlite, data in .data/),
// migrates, seeds the demo, builds when sources changed, and serves on PORT (3000).
import { needsBuild } from "@/scripts/lib/needs-build";
import { prepareLocalApp, serveUntilStopped } from "@/scripts/lib/prepare-local-app";
import { runCommand, startCommand } from "@/scripts/lib/run-command";

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
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
