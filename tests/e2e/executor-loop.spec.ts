import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import type { ExecutorSummary } from "@/executor/progress";
import { runExecutor } from "@/executor/run-executor";
import type { Db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createTrader } from "@/lib/traders/create-trader";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { FixReviewPage } from "@/tests/e2e/pages/fix-review-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import { WorkflowSchedulesPanel } from "@/tests/e2e/pages/workflow-schedules-panel";
import { E2E_NO_LLM_BASE_URL } from "@/tests/e2e/support/e2e-llm-server";
import { seedApiKey } from "@/tests/factories/seed-api-key";

// The fix is written by hand, so this runs against the server without an AI provider
// (playwright.config.ts), like fix-review.spec.ts. Its database is its own: the extra
// trader stays out of the main server's demo data, which other specs count.
test.use({ baseURL: E2E_NO_LLM_BASE_URL });

const db: Db = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.E2E_NO_LLM_DATABASE_URL }),
  omit: { apiKey: { hash: true } },
});

// A per-symbol table that nobody filled in for ETH: every ETH run throws, BTC is fine.
const tickFilter = (marker: string) => `// Tick breakout ${marker}
const TICKS = { BTCUSDT: { size: 0.1 } };
export default function filter({ symbol, candles }) {
  const last = candles[candles.length - 1];
  return last.close - last.open > 10 * TICKS[symbol].size;
}
`;
// Typed into the editor after line 3: no tick size, no signal.
const FIX_LINES = ["if (!TICKS[symbol]) return false;"];

test.afterAll(async () => {
  await db.$disconnect();
});

async function seedTickTrader(marker: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { email: DEMO_TRADER_EMAIL },
    select: { id: true },
  });
  const trader = await createTrader(db, {
    userId: user.id,
    name: `Executor loop ${marker}`,
    code: tickFilter(marker),
  });
  // Scoped to this trader: the executor must not run the demo user's other traders.
  const { token } = await seedApiKey(db, {
    userId: user.id,
    traderId: trader.id,
    name: `Executor loop ${marker}`,
  });
  return { traderId: trader.id, token };
}

test("the executor's errors disable a schedule; a fix deployed from the UI and a re-enable make it run clean", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const marker = `e2e-${Date.now().toString(36)}`;
  const { traderId, token } = await seedTickTrader(marker);
  const spoolDir = mkdtempSync(path.join(tmpdir(), "executor-loop-"));
  const logs: string[] = [];
  const halt = new AbortController();
  // The reference executor, running all along as a trader would run it: paced
  // candles, polling for new code every second.
  const running: Promise<ExecutorSummary> = runExecutor(
    {
      url: baseURL ?? "",
      apiKey: token,
      symbols: ["BTCUSDT", "ETHUSDT"],
      interval: "5m",
      candles: 1_000,
      window: 30,
      speed: 4,
      spoolDir,
      seed: 3,
      once: false,
      pollMs: 1_000,
      progressMs: 60_000,
    },
    { signal: halt.signal, log: (line) => logs.push(line) },
  );
  const waitForLog = (pattern: RegExp, timeout = 30_000) =>
    expect.poll(() => logs.some((line) => pattern.test(line)), { timeout }).toBe(true);

  try {
    // Five ETH errors in a row: the server disables that schedule and the executor stops it.
    await waitForLog(/schedule ETHUSDT of ".*" stopped \(error_limit_exceeded\)/);

    await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, `/traders/${traderId}`);
    const schedules = new WorkflowSchedulesPanel(page);
    await schedules.expectRow("ETHUSDT", async (row) => {
      await expect(row).toHaveAttribute("data-state", "stopped");
      await expect(row).toContainText("Disabled");
      await expect(row).toContainText("error_limit_exceeded");
      await expect(schedules.errorStreak(row)).toHaveText("5");
      await expect(schedules.reenableButton(row)).toBeVisible();
    });
    await expect(schedules.row("BTCUSDT")).toHaveAttribute("data-state", "active");
    await expect(schedules.errorStreak(schedules.row("BTCUSDT"))).toHaveText("0");
    const executionsWhenDisabled = Number(
      await schedules.executions(schedules.row("ETHUSDT")).textContent(),
    );

    // The fix, written by hand on the error's group page, verified and deployed.
    const group = await db.errorGroup.findFirstOrThrow({
      where: { traderId },
      select: { id: true },
    });
    const review = new FixReviewPage(page);
    await review.open(group.id);
    await review.writeFixYourself.click();
    await expect(review.editor).toBeVisible();
    await review.insertLinesAfter(3, FIX_LINES);
    await review.saveVerify.click();
    await expect(review.verificationReport).toHaveAttribute("data-passed", "true");
    await review.deploy(`ETH has no tick size (${marker})`);
    await expect(review.deployResult).toContainText("Version 2 is live");

    // The running executor picks the new version up on its next poll; the schedule
    // the error limit stopped stays stopped until its owner re-enables it.
    await waitForLog(/picked up v2 of "Executor loop .*" \(was v1\)/);

    await schedules.open(traderId);
    await schedules.reenable("ETHUSDT");
    await waitForLog(/schedule ETHUSDT of trader .* is active again \(re-enabled\), resuming/);

    // Clean runs under v2: executions go up, the streak is back to 0, still active.
    await schedules.expectRow("ETHUSDT", async (row) => {
      await expect(row).toHaveAttribute("data-state", "active");
      await expect(row).toContainText("Running");
      await expect(schedules.errorStreak(row)).toHaveText("0");
      const executions = Number(await schedules.executions(row).textContent());
      expect(executions).toBeGreaterThanOrEqual(executionsWhenDisabled + 3);
    });
  } finally {
    halt.abort();
    const summary = await running;
    rmSync(spoolDir, { recursive: true, force: true });
    test.info().annotations.push({ type: "executor", description: JSON.stringify(summary) });
  }

  // No ETH error after the fix: every stored event ran version 1's code.
  const trader = await db.trader.findUniqueOrThrow({
    where: { id: traderId },
    select: { activeVersion: { select: { id: true, version: true } } },
  });
  expect(trader.activeVersion?.version).toBe(2);
  const events = await db.errorEvent.findMany({
    where: { traderId },
    select: { codeVersionId: true },
  });
  expect(events.length).toBeGreaterThanOrEqual(5);
  expect(events.some((event) => event.codeVersionId === trader.activeVersion?.id)).toBe(false);
  const eth = await db.workflowSchedule.findFirstOrThrow({
    where: { traderId, symbol: "ETHUSDT" },
    select: {
      isActive: true,
      consecutiveErrors: true,
      runs: { orderBy: { candleTime: "desc" }, take: 3, select: { outcome: true } },
    },
  });
  expect(eth).toMatchObject({ isActive: true, consecutiveErrors: 0 });
  expect(eth.runs.map((run) => run.outcome)).toEqual(["ok", "ok", "ok"]);
});
