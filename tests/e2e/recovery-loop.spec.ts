import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { getDb } from "@/lib/db";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { ErrorDetailPage } from "@/tests/e2e/pages/error-detail-page";
import {
  type FailingGroup,
  FixReviewPage,
  failingFilter,
  fixedFilter,
  seedFailingGroup,
} from "@/tests/e2e/pages/fix-review-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import { TraderVersionsPanel } from "@/tests/e2e/pages/trader-versions-panel";
import { readLlmRequests, scriptLlm } from "@/tests/e2e/support/e2e-llm-server";
import { cannedOutput } from "@/tests/support/fake-openai-server";

// A guard that is not enough: three candles still reach candles[length - 20].
const halfFixedFilter = (marker: string) => `// Breakout ${marker}
export default function filter({ candles }) {
  if (candles.length < 3) return false;
  const reference = candles[candles.length - 20];
  return candles[candles.length - 1].close > reference.close;
}
`;

const EXPLANATION =
  "The filter compared the last close with the one 20 candles back, but the executor sent only 3 candles, so that candle was undefined. It now returns no signal until 20 candles of history exist.";
const CHANGE = "Return false when fewer than 20 candles are available.";
// Only in this spec's failing input, so the preview's sentence can only come from it.
const SYMBOL = "SOLUSDT";

test.afterAll(async () => {
  await getDb().$disconnect();
});

async function fetchExecutorCode(request: APIRequestContext, failing: FailingGroup) {
  const response = await request.get(`/api/executor/traders/${failing.traderId}/code`, {
    headers: { authorization: `Bearer ${failing.token}` },
  });
  expect(response.status()).toBe(200);
  const body: { trader_id: string; version_id: string; version: number; code: string } =
    await response.json();
  return body;
}

async function readAutoRollback(traderId: string): Promise<boolean> {
  const trader = await getDb().trader.findUniqueOrThrow({
    where: { id: traderId },
    select: { autoRollback: true },
  });
  return trader.autoRollback;
}

test("a failing trader is fixed by the AI, deployed, rolled back on a recurrence and rolled forward by hand", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const marker = `e2e-${randomUUID().slice(0, 8)}`;
  const failing = await seedFailingGroup(getDb(), request, { marker, symbol: SYMBOL });
  // The model's first candidate still fails verification and is sent back with the
  // failure; the second passes and is proposed.
  await scriptLlm(request, [
    cannedOutput({
      code: halfFixedFilter(marker),
      explanation: "Guards against an empty history.",
      changes: ["Return false for fewer than 3 candles."],
    }),
    cannedOutput({ code: fixedFilter(marker), explanation: EXPLANATION, changes: [CHANGE] }),
  ]);

  // Auto-rollback is the trader's opt-in, on its page.
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, `/traders/${failing.traderId}`);
  const trader = new TraderVersionsPanel(page);
  await expect(trader.version(1)).toBeVisible();
  await expect(trader.autoRollbackSwitch).not.toBeChecked();
  await trader.enableAutoRollback();
  // Saved, not only shown: a fresh render reads it back.
  await page.reload();
  await expect(trader.autoRollbackSwitch).toBeChecked();
  expect(await readAutoRollback(failing.traderId)).toBe(true);

  // "Propose a fix": the panel refreshes itself while the job runs.
  const review = new FixReviewPage(page);
  await review.open(failing.groupId);
  await expect(review.recoveryState).toHaveAttribute("data-state", "none");
  await expect(review.setupNotice).toHaveCount(0);
  await review.proposeAndWait();
  await expect(review.recoveryState).toHaveAttribute("data-state", "proposed");
  await expect(review.workspace).toHaveAttribute("data-source", "proposal");

  // The model saw the failing code, then the verifier's reason for rejecting round 1.
  const { requests, pending } = await readLlmRequests(request);
  expect(pending).toBe(0);
  expect(requests).toHaveLength(2);
  expect(requests.every((call) => call.authorized)).toBe(true);
  expect(requests[0]?.text).toContain(marker);
  expect(requests[0]?.text).not.toContain("rejected by verification");
  expect(requests[1]?.text).toContain("Your previous answer was rejected by verification.");

  // Only the verified second candidate is shown: its diff, explanation and evidence.
  await expect(review.diff).toContainText("Too little history to compare with");
  await expect(review.diff).not.toContainText("candles.length < 3");
  await expect(review.explanation).toContainText(EXPLANATION);
  await expect(review.explanation).toContainText(CHANGE);
  await expect(review.explanation).toContainText("2 rounds");
  await expect(review.verificationReport).toHaveAttribute("data-passed", "true");
  const failingCase = review.verificationCases.filter({ hasText: "Failing input" });
  await expect(failingCase).toHaveCount(1);
  await expect(failingCase).toHaveAttribute("data-passed", "true");
  await expect(review.deployFix).toBeEnabled();
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/recovery-proposal.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The behavioural diff: progress, then a summary that names the failing symbol.
  await review.runPreviewAndWait();
  await expect(review.previewSummary).toContainText(`Fixes the failure on ${SYMBOL} 5m`);
  await expect(review.previewTable.locator('[data-change="fixed"]').first()).toContainText(SYMBOL);
  await review.previewSection.screenshot({ path: "docs/screenshots/recovery-preview.png" });

  // Deploy through the confirm dialog, which shows exactly what goes live.
  await review.deployFix.click();
  await expect(review.deployDialog.getByTestId("code-diff")).toContainText(
    "Too little history to compare with",
  );
  await review.confirmDeploy.click();
  await expect(review.deployDialog).toHaveCount(0);
  await expect(review.deployResult).toContainText("Version 2 is live — watching for recurrences");

  // Executors get the fix on their next poll; the group is watched.
  const deployed = await fetchExecutorCode(request, failing);
  expect(deployed).toMatchObject({
    trader_id: failing.traderId,
    version: 2,
    code: fixedFilter(marker),
  });
  const group = new ErrorDetailPage(page);
  await group.open(failing.groupId);
  await expect(group.status.locator('[data-status="fix_deployed"]')).toBeVisible();
  await expect(review.recoveryState).toHaveAttribute("data-state", "deployed");

  // The same error from the fixed version, inside the watch window: the deploy.watch
  // job (queued by ingest, run by the server's job worker) rolls the trader back.
  expect(await failing.reportFailure(deployed.version_id)).toBe(failing.groupId);
  await expect
    .poll(async () => (await fetchExecutorCode(request, failing)).version, { timeout: 30_000 })
    .toBe(1);
  const rolledBack = await fetchExecutorCode(request, failing);
  expect(rolledBack).toMatchObject({ version_id: failing.versionId, code: failingFilter(marker) });

  await group.open(failing.groupId);
  await expect(group.status.locator('[data-status="regressed"]')).toBeVisible();

  // The trader page records the automatic rollback and why.
  await trader.open(failing.traderId);
  const v1 = trader.version(1);
  const v2 = trader.version(2);
  await expect(trader.activeBadge(v1)).toBeVisible();
  await expect(trader.activeBadge(v2)).toHaveCount(0);
  const automatic = trader.deployments(v1, "auto_rollback");
  await expect(automatic).toHaveCount(1);
  await expect(automatic).toContainText("Automatically rolled back to this version by Faultline");
  await expect(automatic).toContainText("from v2");
  await expect(trader.deploymentReason(v1, "auto_rollback")).toHaveText(
    "Reason: recurred on version 2",
  );

  // And back to the fix by hand, through the diff-confirmed rollback dialog.
  const reason = `Recurrence came from a stale executor (${marker})`;
  await trader.rollbackTo(2, reason);
  await expect(trader.activeBadge(v2)).toBeVisible();
  await expect(trader.activeBadge(v1)).toHaveCount(0);
  await expect(trader.deploymentReason(v2, "rollback")).toHaveText(`Reason: ${reason}`);
  expect(await fetchExecutorCode(request, failing)).toMatchObject({
    version_id: deployed.version_id,
    version: 2,
    code: fixedFilter(marker),
  });
});

test("a trader edits an AI proposal, the edit is verified again, and dismissing it reopens the group", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const marker = `e2e-${randomUUID().slice(0, 8)}`;
  const failing = await seedFailingGroup(getDb(), request, { marker, symbol: "ADAUSDT" });
  await scriptLlm(request, [
    cannedOutput({ code: fixedFilter(marker), explanation: EXPLANATION, changes: [CHANGE] }),
  ]);

  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, `/errors/${failing.groupId}`);
  const review = new FixReviewPage(page);
  await review.proposeAndWait();
  await expect(review.recoveryState).toHaveAttribute("data-state", "proposed");
  const group = new ErrorDetailPage(page);
  await expect(group.status.locator('[data-status="fix_proposed"]')).toBeVisible();

  // Edit the proposal in Monaco: saving verifies the edited code, not the model's.
  await review.workspace.getByTestId("edit-fix").click();
  await review.insertLinesAfter(2, [`// Reviewed by hand (${marker})`]);
  await review.saveVerify.click();
  await expect(review.verificationReport).toHaveAttribute("data-passed", "true");
  await expect(review.diff).toContainText(`Reviewed by hand (${marker})`);
  await expect(review.deployFix).toBeEnabled();

  // Dismiss: the proposal goes away and the group is open again, with its history.
  await review.workspace.getByTestId("dismiss-fix").click();
  await expect(review.recoveryState).toHaveAttribute("data-state", "dismissed");
  await expect(review.workspace).toHaveCount(0);
  await expect(review.proposeFix).toBeEnabled();
  await expect(group.status.locator('[data-status="unresolved"]')).toBeVisible();
  const attempt = await getDb().regenerationAttempt.findFirstOrThrow({
    where: { groupId: failing.groupId },
    select: { status: true },
  });
  expect(attempt.status).toBe("dismissed");
});
