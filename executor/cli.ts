import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { formatProgress } from "@/executor/progress";
import { type ExecutorConfig, ExecutorFatalError, runExecutor } from "@/executor/run-executor";
import { intervalToMs } from "@/lib/market-data/interval-ms";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
const EXIT_SIGNAL: Record<"SIGINT" | "SIGTERM", number> = { SIGINT: 130, SIGTERM: 143 };

const DEFAULT_URL = "http://localhost:3000";

export const HELP_TEXT = `Faultline reference executor: replays candles, runs your traders' filters
in the same sandbox as the server, and reports every run through a durable spool.

Usage: npm run executor -- --key <api key> [options]

Options:
  --key <key>           API key (Settings → API keys); default: $FAULTLINE_API_KEY
  --url <url>           Faultline server (default ${DEFAULT_URL})
  --symbols <list>      comma-separated symbols (default BTCUSDT,ETHUSDT)
  --interval <i>        candle interval, e.g. 1m, 5m, 1h (default 5m)
  --candles <n>         candle closes to replay (default 200)
  --window <n>          candles each filter run sees (default 50)
  --speed <n>           candle closes per second, 0 = as fast as possible (default 5)
  --csv <file>          replay this OHLCV CSV (one symbol) instead of the synthetic feed
  --seed <n>            seed of the synthetic feed (default 1)
  --spool-dir <dir>     where undelivered reports survive a crash (default .spool/executor)
  --poll <seconds>      how often to look for newly deployed code (default 3)
  --once                replay at full speed, deliver every report, exit
  --duration <seconds>  stop after this long, even mid-replay
  -h, --help            show this help

Exit codes: 0 done, 1 failed (key refused, nothing to run), 2 bad arguments,
130/143 stopped by SIGINT/SIGTERM (undelivered reports stay spooled for the next start).`;

export type CliParse =
  | { kind: "help" }
  | { kind: "run"; config: ExecutorConfig }
  | { kind: "usage_error"; message: string };

function positiveInt(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`--${name} must be an integer ≥ ${min} (got "${raw}").`);
  }
  return value;
}

function positiveNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`--${name} must be a number ≥ 0 (got "${raw}").`);
  }
  return value;
}

// Pure: argv and the environment in, a config or a message out, so it is testable.
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliParse {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        key: { type: "string" },
        url: { type: "string", default: DEFAULT_URL },
        symbols: { type: "string", default: "BTCUSDT,ETHUSDT" },
        interval: { type: "string", default: "5m" },
        candles: { type: "string", default: "200" },
        window: { type: "string", default: "50" },
        speed: { type: "string", default: "5" },
        csv: { type: "string" },
        seed: { type: "string", default: "1" },
        "spool-dir": { type: "string", default: ".spool/executor" },
        poll: { type: "string", default: "3" },
        once: { type: "boolean", default: false },
        duration: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) return { kind: "help" };
    const apiKey = values.key ?? env.FAULTLINE_API_KEY;
    if (!apiKey)
      return { kind: "usage_error", message: "Pass --key <api key> or set FAULTLINE_API_KEY." };
    const symbols = values.symbols.split(",").map((symbol) => symbol.trim().toUpperCase());
    if (symbols.some((symbol) => symbol === ""))
      throw new RangeError("--symbols has an empty entry.");
    intervalToMs(values.interval);
    new URL(values.url);
    return {
      kind: "run",
      config: {
        url: values.url,
        apiKey,
        symbols,
        interval: values.interval,
        candles: positiveInt("candles", values.candles, 1),
        window: positiveInt("window", values.window, 1),
        speed: positiveNumber("speed", values.speed),
        csvText: values.csv === undefined ? undefined : readFileSync(values.csv, "utf8"),
        seed: positiveInt("seed", values.seed, 0),
        spoolDir: values["spool-dir"],
        pollMs: positiveNumber("poll", values.poll) * 1_000,
        once: values.once,
        durationMs:
          values.duration === undefined
            ? undefined
            : positiveNumber("duration", values.duration) * 1_000,
      },
    };
  } catch (error) {
    return { kind: "usage_error", message: error instanceof Error ? error.message : String(error) };
  }
}

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Subscribes to stop signals; returns the unsubscribe. */
  onSignal?: (handler: (signal: "SIGINT" | "SIGTERM") => void) => () => void;
};

export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
): Promise<number> {
  const parsed = parseCliArgs(argv, env);
  if (parsed.kind === "help") {
    io.out(HELP_TEXT);
    return EXIT_OK;
  }
  if (parsed.kind === "usage_error") {
    io.err(`executor: ${parsed.message}\nRun with --help for the options.`);
    return EXIT_USAGE;
  }
  const controller = new AbortController();
  let stoppedBy: "SIGINT" | "SIGTERM" | null = null;
  const unsubscribe = io.onSignal?.((signal) => {
    // Stopping finishes the current request and leaves the spool consistent.
    if (stoppedBy === null) io.err(`${signal}: stopping (again to force)…`);
    stoppedBy = signal;
    controller.abort();
  });
  try {
    const { config } = parsed;
    io.out(`executor → ${config.url} · ${config.symbols.join(",")} ${config.interval}`);
    const summary = await runExecutor(config, { signal: controller.signal, log: io.out });
    io.out(`done: ${formatProgress(summary, summary.candles)}`);
    if (summary.pending > 0) io.out(`${summary.pending} report(s) stay spooled for the next start`);
    return stoppedBy ? EXIT_SIGNAL[stoppedBy] : EXIT_OK;
  } catch (error) {
    if (error instanceof ExecutorFatalError) {
      io.err(`executor: ${error.message}`);
      return EXIT_FAILED;
    }
    io.err(
      `executor crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT_FAILED;
  } finally {
    unsubscribe?.();
  }
}

function processSignals(handler: (signal: "SIGINT" | "SIGTERM") => void): () => void {
  let count = 0;
  const listener = (signal: "SIGINT" | "SIGTERM") => {
    count += 1;
    // A second signal means "now": the spool is fsync'd, so nothing accepted is lost.
    if (count > 1) process.exit(EXIT_SIGNAL[signal]);
    handler(signal);
  };
  process.on("SIGINT", listener);
  process.on("SIGTERM", listener);
  return () => {
    process.off("SIGINT", listener);
    process.off("SIGTERM", listener);
  };
}

// The CLI entry point; importing this module (tests) runs nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The executor is a client, not part of the app: lib/env.ts validates the server's
  // environment, so the one variable the CLI knows is read here.
  main(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    onSignal: processSignals,
  }).then((code) => {
    process.exitCode = code;
  });
}
