// `npm run bench:ingest`: throughput and latency of the ingest endpoints on a production
// build against a real Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL server, default
// the local one), next to the raw insert rate of the same database as the ceiling.
// Run `npx next build` first. Creates and drops its own database.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { type HttpFigures, measureHttp } from "@/scripts/bench/measure-http";
import { measureRawInserts } from "@/scripts/bench/measure-raw-inserts";

const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgresql://postgres@127.0.0.1:5432/postgres";
const port = Number(process.env.BENCH_PORT ?? 3200);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const appUrl = `http://127.0.0.1:${port}`;
const SCENARIO_NAMES = ["single", "groups", "batch", "sentry", "overload"] as const;
type ScenarioName = (typeof SCENARIO_NAMES)[number];
function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}
// BENCH_SCENARIOS=sentry runs one scenario; a list runs them in its order, repeats allowed.
// Order matters: every scenario adds to the same user's stored events, so a scenario
// measured after "batch" (tens of thousands of events) runs against a larger table.
const scenarioNames = (process.env.BENCH_SCENARIOS?.split(",") ?? [...SCENARIO_NAMES]).map(
  (name) => {
    const trimmed = name.trim();
    if (!isScenarioName(trimmed))
      throw new Error(`Unknown scenario "${trimmed}" (${SCENARIO_NAMES.join(", ")}).`);
    return trimmed;
  },
);

async function adminQuery(sql: string) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForServer(deadlineMs: number) {
  while (Date.now() < deadlineMs) {
    const ok = await fetch(`${appUrl}/api/auth/providers`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app did not start in time.");
}

// 50 distinct causes: the same failure repeating is one hot group, which serializes on
// its row; a spread of groups shows the path without that contention.
const GROUP_NAMES = Array.from(
  { length: 50 },
  (_, index) =>
    `indicator${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`,
);
const spreadEvent = (traderId: string) => ({
  ...runtimeEvent(traderId),
  error_message: `ReferenceError: ${GROUP_NAMES[Math.floor(Math.random() * GROUP_NAMES.length)]} is not defined`,
});

const runtimeEvent = (traderId: string) => ({
  event_id: randomUUID(),
  trader_id: traderId,
  error_type: "runtime",
  error_message: `TypeError: Cannot read properties of undefined (reading 'close') at candle ${Math.floor(Math.random() * 1e6)}`,
  stack_trace: "TypeError: x\n    at filter (filter.js:9:12)",
  trigger_interval: "5m",
  symbols_processed: 42,
  execution_duration_ms: 12,
  context: { symbol: "BTCUSDT", params: { lookback: 20 } },
});

function sentryEnvelope(dsnKey: string) {
  const eventId = randomUUID().replaceAll("-", "");
  const event = {
    event_id: eventId,
    timestamp: Date.now() / 1_000,
    platform: "python",
    level: "error",
    exception: {
      values: [
        {
          type: "ZeroDivisionError",
          value: "division by zero",
          stacktrace: { frames: [{ filename: "filter.py", function: "rsi", lineno: 12 }] },
        },
      ],
    },
  };
  return [
    JSON.stringify({ event_id: eventId, dsn: `http://${dsnKey}@127.0.0.1/1` }),
    JSON.stringify({ type: "event" }),
    JSON.stringify(event),
  ].join("\n");
}

function formatRow(figures: HttpFigures): string {
  const statuses = Object.entries(figures.statusCounts)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  const ms = (value: number) => value.toFixed(0);
  return `| ${figures.name} | ${figures.eventsPerSecond.toFixed(0)} | ${figures.requestsPerSecond.toFixed(0)} | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.p99)} | ${statuses} |`;
}

async function main() {
  const databaseName = `faultline_bench_${Date.now()}`;
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${databaseName}`;
  await adminQuery(`CREATE DATABASE "${databaseName}"`);
  let server: ChildProcess | null = null;
  try {
    await applyMigrations({ connectionString: databaseUrl.toString() });
    process.env.DATABASE_URL = databaseUrl.toString();
    const { getDb, getPool } = await import("@/lib/db");
    const { seedUser } = await import("@/tests/factories/seed-user");
    const { seedTrader } = await import("@/tests/factories/seed-trader");
    const { seedApiKey } = await import("@/tests/factories/seed-api-key");
    const db = getDb();
    const user = await seedUser(db);
    const trader = await seedTrader(db, { userId: user.id });
    const { token } = await seedApiKey(db, { userId: user.id });

    // Not through npx: it does not forward SIGTERM, which would leave the server running.
    server = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
      stdio: process.env.BENCH_SERVER_LOGS ? "inherit" : "ignore",
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl.toString(),
        NODE_ENV: "production",
        NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
        // Measure capacity, not the per-key quota; in-flight shedding stays at its default.
        INGEST_RATE_LIMIT_PER_KEY: "100000000",
        INGEST_RATE_LIMIT_PER_USER: "100000000",
      },
    });
    await waitForServer(Date.now() + 60_000);
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
    await measureHttp({
      name: "warm-up",
      url: `${appUrl}/api/errors`,
      headers,
      connections: 8,
      seconds: 3,
      eventsPerRequest: 1,
      body: () => JSON.stringify(runtimeEvent(trader.id)),
    });

    const envelopeUrl = `${appUrl}/api/${trader.projectId}/envelope/?sentry_key=${trader.dsnPublicKey}`;
    const scenarios: Record<ScenarioName, Omit<Parameters<typeof measureHttp>[0], "seconds">> = {
      single: {
        name: "single event",
        url: `${appUrl}/api/errors`,
        headers,
        connections: 16,
        eventsPerRequest: 1,
        body: () => JSON.stringify(runtimeEvent(trader.id)),
      },
      groups: {
        name: "single event, 50 groups",
        url: `${appUrl}/api/errors`,
        headers,
        connections: 16,
        eventsPerRequest: 1,
        body: () => JSON.stringify(spreadEvent(trader.id)),
      },
      batch: {
        name: "batch of 100",
        url: `${appUrl}/api/errors`,
        headers,
        connections: 4,
        eventsPerRequest: 100,
        body: () =>
          JSON.stringify({ events: Array.from({ length: 100 }, () => runtimeEvent(trader.id)) }),
      },
      sentry: {
        name: "sentry envelope",
        url: envelopeUrl,
        headers: { "content-type": "application/x-sentry-envelope" },
        connections: 16,
        eventsPerRequest: 1,
        body: () => sentryEnvelope(trader.dsnPublicKey),
      },
      overload: {
        name: "overload (256 connections)",
        url: `${appUrl}/api/errors`,
        headers,
        connections: 256,
        eventsPerRequest: 1,
        body: () => JSON.stringify(runtimeEvent(trader.id)),
      },
    };
    const rows: HttpFigures[] = [];
    for (const name of scenarioNames) {
      const scenarioSeconds = name === "overload" ? Math.min(seconds, 10) : seconds;
      rows.push(await measureHttp({ ...scenarios[name], seconds: scenarioSeconds }));
    }

    for (const row of rows) console.log(formatRow(row));
    const group = await db.errorGroup.create({
      data: {
        userId: user.id,
        traderId: trader.id,
        fingerprint: "raw-insert-ceiling",
        errorType: "runtime",
        title: "raw insert ceiling",
        errorHash: "ceiling",
        firstSeenAt: new Date(),
        lastSeenAt: new Date(),
      },
      select: { id: true },
    });
    const ceiling = await measureRawInserts({
      connectionString: databaseUrl.toString(),
      userId: user.id,
      traderId: trader.id,
      groupId: group.id,
      connections: 16,
      seconds: Math.min(seconds, 10),
    });
    await db.$disconnect();
    await getPool().end();

    console.log("\n| scenario | events/s | requests/s | p50 ms | p95 ms | p99 ms | statuses |");
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const row of rows) console.log(formatRow(row));
    console.log(`| raw INSERT ceiling (16 connections) | ${ceiling.toFixed(0)} | | | | | |`);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
