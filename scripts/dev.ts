// `npm run dev`: the Next dev server against the same database setup as `npm start`.
import { prepareLocalApp, serveUntilStopped } from "@/scripts/lib/prepare-local-app";
import { startCommand } from "@/scripts/lib/run-command";

async function main() {
  const app = await prepareLocalApp(process.cwd());
  const server = startCommand("node_modules/.bin/next", ["dev", "-p", app.port], {
    ...app.env,
    NODE_ENV: "development",
  });
  serveUntilStopped(app, server);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
