import { z } from "zod";
import { ApiStatusError, createApiClient, describeError } from "@/executor/api-client";
import { createCsvFeed, createSyntheticFeed, type MarketFeed } from "@/executor/market-feed";
import {
  createStats,
  type ExecutorStats,
  type ExecutorSummary,
  formatProgress,
} from "@/executor/progress";
import { createReportSender, type ReportAnswer, type SenderPolicy } from "@/executor/report-sender";
import { runCandle } from "@/executor/run-candle";
import { buildRunReport, type RunReport, runReportSchema } from "@/executor/run-report";
import { createScheduleBook, type ScheduleBook } from "@/executor/schedules";
import { openSpool, type Spool, type SpoolEntry } from "@/executor/spool";
import {
  type CodeChange,
  createTraderCodeWatcher,
  type TraderCode,
  type TraderCodeWatcher,
} from "@/executor/trader-code";
import {
  reportRunAlreadyProcessedSchema,
  reportRunProcessedSchema,
} from "@/lib/workflows/workflow-schemas";

export type ExecutorConfig = {
  url: string;
  apiKey: string;
  symbols: string[];
  interval: string;
  candles: number;
  window: number;
  /** Candle closes per second; 0 replays as fast as the filters run. */
  speed: number;
  csvText?: string;
  spoolDir: string;
  seed: number;
  /** Replay at full speed, deliver every report, exit. */
  once: boolean;
  durationMs?: number;
  pollMs: number;
  progressMs?: number;
  senderPolicy?: Partial<SenderPolicy>;
  fetch?: typeof fetch;
};

// A refusal no retry can fix (bad key, no access): the executor stops with it.
export class ExecutorFatalError extends Error {
  override name = "ExecutorFatalError";
}

const runAnswerSchema = z.union([reportRunProcessedSchema, reportRunAlreadyProcessedSchema]);

// Paused and disabled traders must not trade; `error` only says the last run failed.
function isRunnable(trader: TraderCode): boolean {
  return trader.state === "running" || trader.state === "error";
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

// Sleeps up to a timeout, cut short by wake(); a wake while awake is not lost.
function createWaker(halt: AbortSignal) {
  let isPending = false;
  let cut: (() => void) | null = null;
  return {
    wake() {
      isPending = true;
      cut?.();
    },
    async wait(ms: number) {
      if (!isPending) {
        const controller = new AbortController();
        cut = () => controller.abort();
        await sleep(ms, AbortSignal.any([halt, controller.signal]));
        cut = null;
      }
      isPending = false;
    },
  };
}

function createFeed(config: ExecutorConfig): MarketFeed {
  const shared = { symbols: config.symbols, interval: config.interval, window: config.window };
  return config.csvText === undefined
    ? createSyntheticFeed({ ...shared, candles: config.candles, seed: config.seed })
    : createCsvFeed(config.csvText, { ...shared, candles: config.candles });
}

function isFatal(error: unknown): boolean {
  if (!(error instanceof ApiStatusError)) return false;
  return error.status === 401 || error.status === 403;
}

// The latest candle each schedule already has a report spooled for.
function spooledUpTo(spool: Spool<RunReport>, scheduleId: string): number | undefined {
  let latest: number | undefined;
  for (const { payload } of spool.entries()) {
    if (payload.schedule_id !== scheduleId) continue;
    latest = Math.max(latest ?? Number.NEGATIVE_INFINITY, Date.parse(payload.body.candle_time));
  }
  return latest;
}

type Loop = {
  spool: Spool<RunReport>;
  watcher: TraderCodeWatcher;
  book: ScheduleBook;
  stats: ExecutorStats;
  log: (line: string) => void;
};

function describeChange({ previous, next }: CodeChange): string {
  if (!previous) return `loaded "${next.name}" v${next.version} (${next.state})`;
  if (previous.versionId !== next.versionId) {
    return `picked up v${next.version} of "${next.name}" (was v${previous.version})`;
  }
  return `"${next.name}" is now ${next.state}`;
}

// One poll: new code and states, schedules for new versions, re-enabled schedules.
async function pollCode(loop: Loop, synced: Map<string, string>): Promise<void> {
  const { watcher, book, stats, log } = loop;
  const { changes, removed } = await watcher.poll();
  for (const change of changes) {
    log(describeChange(change));
    if (change.previous && change.previous.versionId !== change.next.versionId) {
      stats.versionsPickedUp += 1;
    }
  }
  for (const trader of watcher.traders()) {
    if (!isRunnable(trader)) continue;
    if (synced.get(trader.traderId) !== trader.versionId) {
      await book.sync(trader);
      synced.set(trader.traderId, trader.versionId);
    } else {
      await book.recheckStopped(trader);
    }
  }
  for (const trader of removed) {
    synced.delete(trader.traderId);
    log(`"${trader.name}" is no longer available to this key: stopping its schedules`);
    await book.stopTrader(trader.traderId, "trader_removed").catch((error: unknown) => {
      log(`could not stop the schedules of "${trader.name}": ${describeError(error)}`);
    });
  }
}

function handleAnswer(
  loop: Loop,
  entry: SpoolEntry<RunReport>,
  answer: ReportAnswer,
  requestPoll: () => void,
): void {
  const report = entry.payload;
  const stop = (reason: string) => {
    const trader = loop.watcher.get(report.trader_id);
    const slot = loop.book.markStopped(report.schedule_id, reason, trader?.versionId ?? null);
    if (!slot) return;
    loop.stats.schedulesDisabled += 1;
    loop.log(
      `schedule ${slot.symbol} of "${trader?.name ?? report.trader_id}" stopped (${reason}): ` +
        "not running it until the server re-enables it or a new version is deployed",
    );
  };
  if (answer.kind === "delivered") {
    const parsed = runAnswerSchema.safeParse(answer.body);
    if (parsed.success && !parsed.data.schedule.is_active) {
      stop(parsed.data.schedule.stop_reason ?? "stopped");
    }
    return;
  }
  // 409 schedule_inactive, or 404 for a schedule that no longer exists.
  if (answer.status === 409 || answer.status === 404) {
    stop(answer.status === 409 ? "schedule_inactive" : "schedule_not_found");
    requestPoll();
  }
}

async function loadInitialCode(
  loop: Loop,
  synced: Map<string, string>,
  config: ExecutorConfig,
  stop: AbortSignal,
): Promise<void> {
  let lastMessage = "";
  while (!stop.aborted) {
    try {
      await pollCode(loop, synced);
      return;
    } catch (error) {
      if (isFatal(error)) throw new ExecutorFatalError(String((error as Error).message));
      // Said once per distinct failure, not once per attempt.
      const message = describeError(error);
      if (message !== lastMessage) {
        loop.log(`server not ready (${message}); retrying every ${config.pollMs} ms`);
      }
      lastMessage = message;
      await sleep(config.pollMs, stop);
    }
  }
}

// The executor: replays the feed, runs every trader's filter per symbol on each candle
// close, spools a run report per schedule and candle, and delivers them in the
// background while polling for newly deployed code.
export async function runExecutor(
  config: ExecutorConfig,
  options: { signal?: AbortSignal; log?: (line: string) => void } = {},
): Promise<ExecutorSummary> {
  const log = options.log ?? console.log;
  const feed = createFeed(config);
  const stopSignals = [
    options.signal,
    config.durationMs ? AbortSignal.timeout(config.durationMs) : undefined,
  ];
  const stop = AbortSignal.any(stopSignals.filter((signal) => signal !== undefined));
  const client = createApiClient({
    baseUrl: config.url,
    apiKey: config.apiKey,
    fetch: config.fetch,
  });
  const spool = openSpool({
    dir: config.spoolDir,
    schema: runReportSchema,
    onRecover: ({ pending, skippedLines }) => {
      if (pending > 0) log(`spool: ${pending} undelivered report(s) from an earlier run`);
      if (skippedLines > 0) log(`spool: skipped ${skippedLines} torn line(s) left by a crash`);
    },
  });
  const stats = createStats();
  const watcher = createTraderCodeWatcher({ client });
  const book = createScheduleBook({
    client,
    interval: config.interval,
    symbols: feed.symbols,
    reportedUpTo: (scheduleId) => spooledUpTo(spool, scheduleId),
    log,
  });
  const loop: Loop = { spool, watcher, book, stats, log };
  const synced = new Map<string, string>();
  const background = new AbortController();
  const halt = AbortSignal.any([stop, background.signal]);
  const senderWaker = createWaker(halt);
  const pollerWaker = createWaker(halt);

  const sender = createReportSender({
    spool,
    client,
    policy: config.senderPolicy,
    log,
    onAnswer: (entry, answer) => handleAnswer(loop, entry, answer, () => pollerWaker.wake()),
    onBreakerChange: (state) => log(`server circuit ${state.replace("_", "-")}`),
  });
  const summary = (): ExecutorSummary => ({
    ...stats,
    ...sender.counters(),
    breaker: sender.breakerState(),
  });

  async function pumpReports(): Promise<void> {
    while (!halt.aborted) {
      const result = await sender.drain(halt);
      if (result === "empty") await senderWaker.wait(1_000);
      else if (result !== "stopped") await sleep(250, halt);
    }
  }

  let lastPollError = "";
  async function pollForever(): Promise<void> {
    while (!halt.aborted) {
      await pollerWaker.wait(config.pollMs);
      if (halt.aborted) return;
      try {
        await pollCode(loop, synced);
        lastPollError = "";
      } catch (error) {
        // The server may be down for a while: say so once, keep the code we have.
        const message = describeError(error);
        if (message !== lastPollError) log(`code poll failed: ${message}`);
        lastPollError = message;
      }
    }
  }

  let lastProgress = "";
  const printProgress = () => {
    const line = formatProgress(summary(), feed.length);
    if (line !== lastProgress) log(line);
    lastProgress = line;
  };

  const progressTimer = setInterval(printProgress, config.progressMs ?? 1_000);
  const tasks: Promise<void>[] = [];
  try {
    await loadInitialCode(loop, synced, config, stop);
    const runnable = watcher.traders().filter(isRunnable);
    if (!stop.aborted && runnable.length === 0) {
      throw new ExecutorFatalError("This key has no running trader with deployed code.");
    }
    tasks.push(pumpReports(), pollForever());
    await replay(loop, feed, config, stop, () => senderWaker.wake());
    while (spool.size > 0 && !stop.aborted) await sleep(100, stop);
    return summary();
  } finally {
    clearInterval(progressTimer);
    background.abort();
    await Promise.allSettled(tasks);
    printProgress();
    spool.close();
  }
}

function isProcessedEverywhere(book: ScheduleBook, closeTime: number): boolean {
  const slots = book.slots();
  return slots.length > 0 && slots.every((slot) => slot.resumeAfter >= closeTime);
}

async function replay(
  loop: Loop,
  feed: MarketFeed,
  config: ExecutorConfig,
  stop: AbortSignal,
  wakeSender: () => void,
): Promise<void> {
  const { watcher, book, spool, stats } = loop;
  const startedAt = Date.now();
  const pace = config.once ? 0 : config.speed;
  // Candles every schedule processed before a restart are skipped without waiting
  // their turn: a paced replay resumes at once instead of idling through them.
  let skipped = 0;
  for (const close of feed.closes()) {
    if (isProcessedEverywhere(book, close.closeTime)) {
      skipped += 1;
      stats.candles += 1;
      continue;
    }
    if (pace > 0) {
      await sleep(startedAt + ((close.index - skipped) * 1_000) / pace - Date.now(), stop);
    }
    if (stop.aborted) return;
    for (const trader of watcher.traders()) {
      if (!isRunnable(trader)) continue;
      const due = close.inputs.flatMap((input) => {
        const slot = book.runnableSlot(trader.traderId, input.symbol, close.closeTime);
        return slot ? [{ input, slot }] : [];
      });
      if (due.length === 0) continue;
      const runs = await runCandle({ trader, inputs: due.map(({ input }) => input) });
      runs.forEach((run, index) => {
        const slot = due[index]!.slot;
        // Spooled (fsync'd) before it counts as done: a crash now resends, never loses.
        spool.enqueue(
          buildRunReport({
            scheduleId: slot.scheduleId,
            trader,
            closeTime: close.closeTime,
            run,
          }),
        );
        book.recordRun(slot.scheduleId, close.closeTime);
        if (run.outcome === "ok") stats.runsOk += 1;
        else stats.runsError += 1;
      });
      wakeSender();
    }
    stats.candles += 1;
  }
}
