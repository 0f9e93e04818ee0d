// `npm start`'s demo burst: the reference executor runs the demo trader's traders for a
// few minutes against the local server, so a newcomer sees real runs and errors, a
// schedule auto-disabled after 5 consecutive errors, and — after deploying a fix and
// re-enabling it on the trader page — the schedule running again.
// Its own process (spawned by scripts/start.ts), so nothing it does can take the server down.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { describeError } from "@/executor/api-client";
import { formatProgress } from "@/executor/progress";
import { type ExecutorConfig, runExecutor } from "@/executor/run-executor";
import { getDb } from "@/lib/db";
import { ensureDemoExecutorKey } from "@/lib/demo/ensure-demo-executor-key";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";

const DEMO_SYMBOLS = ["BTCUSDT", "ETHUSDT"];
const DEMO_CANDLES = 600;
// One candle close a second: errors pile up within seconds, and there is time to fix.
const DEMO_SPEED = 1;
const DEMO_DURATION_MS = 10 * 60_000;

const log = (line: string) => console.log(`[executor] ${line}`);

async function loadDemoKey(root: string): Promise<string | null> {
  const db = getDb();
  try {
    const user = await db.user.findUnique({
      where: { email: DEMO_TRADER_EMAIL },
      select: { id: true },
    });
    if (!user) return null;
    const { token, isNew } = await ensureDemoExecutorKey(db, {
      userId: user.id,
      keyFile: join(root, ".data", "demo-executor-key"),
    });
    if (isNew) log("created an API key for the demo executor (kept in .data/demo-executor-key)");
    return token;
  } finally {
    // Only the key needed the database; the executor itself talks HTTP.
    await db.$disconnect();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: "string" } }, strict: true });
  if (!values.url) throw new Error("--url <server url> is required.");
  const root = process.cwd();
  const token = await loadDemoKey(root);
  if (!token) {
    log("no demo trader in this database (seed skipped?): not running");
    return;
  }
  const config: ExecutorConfig = {
    url: values.url,
    apiKey: token,
    symbols: DEMO_SYMBOLS,
    interval: "5m",
    candles: DEMO_CANDLES,
    window: 50,
    speed: DEMO_SPEED,
    spoolDir: join(root, ".data", "demo-executor-spool"),
    seed: 1,
    once: false,
    durationMs: DEMO_DURATION_MS,
    pollMs: 3_000,
    progressMs: 15_000,
  };
  log(
    `demo: replaying ${DEMO_CANDLES} candles of ${DEMO_SYMBOLS.join(",")} 5m for the demo traders ` +
      `(${DEMO_SPEED}/s, at most ${DEMO_DURATION_MS / 60_000} min; DEMO_EXECUTOR=off skips this)`,
  );
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const summary = await runExecutor(config, { signal: controller.signal, log });
  log(`done: ${formatProgress(summary, DEMO_CANDLES)}`);
}

// A failing demo is worth a line, never a crash of `npm start`.
main().catch((error: unknown) => {
  log(`stopped: ${describeError(error)}`);
});
