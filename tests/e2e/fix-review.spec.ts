import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { getDb } from "@/lib/db";
import { createTrader } from "@/lib/traders/create-trader";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { FixReviewPage } from "@/tests/e2e/pages/fix-review-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import { seedApiKey } from "@/tests/factories/seed-api-key";

// A filter that assumes 20 candles of history: it throws on a short one.
const failingFilter = (marker: string) => `// Breakout ${marker}
export default function filter({ candles }) {
  const reference = candles[candles.length - 20];
  return candles[candles.length - 1].close > reference.close;
}
`;

const fixedFilter = (marker: string) => `// Breakout ${marker}
export default function filter({ candles }) {
  // Too little history to compare with: no signal rather than a crash.
  if (candles.length < 20) return false;
  const reference = candles[candles.length - 20];
  return candles[candles.length - 1].close > reference.close;
}
`;

const fixLines = [
  "// Too little history to compare with: no signal rather than a crash.",
  "if (candles.length < 20) return false;",
];

const candle = (openTime: number, close: number) => ({
  openTime,
  open: close * 0.998,
  high: close * 1.004,
  low: close * 0.995,
  close,
  volume: 1_000,
  closeTime: openTime + 299_999,
});

test.afterAll(async () => {
  await getDb().$disconnect();
});

// Its own trader (so other specs' groups stay as they are) whose version 1 fails on a
// three-candle history, reported by an executor with the version id and the inputs.
async function seedFailingGroup(page: Page, marker: string) {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { email: DEMO_TRADER_EMAIL },
    select: { id: true },
  });
  const trader = await createTrader(db, {
    userId: user.id,
    name: `Fix review ${marker}`,
    code: failingFilter(marker),
  });
  const { token } = await seedApiKey(db, { userId: user.id, name: `Fix review ${marker}` });
  const start = Date.UTC(2026, 0, 5, 9, 0);
  const response = await page.request.post("/api/errors", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      event_id: randomUUID(),
      trader_id: trader.id,
      code_version_id: trader.activeVersionId,
      error_type: "runtime",
      error_message: `TypeError: Cannot read properties of undefined (reading 'close') ${marker}`,
      stack_trace:
        "TypeError: Cannot read properties of undefined (reading 'close')\n    at filter (filter.js:4:59)",
      trigger_interval: "5m",
      context: {
        symbol: "BTCUSDT",
        interval: "5m",
        params: {},
        candles: [candle(start, 100), candle(start + 300_000, 101), candle(start + 600_000, 99)],
      },
    },
  });
  expect(response.status()).toBe(201);
  const body: { group_id: string } = await response.json();
  return { groupId: body.group_id, traderId: trader.id };
}

test("without an AI provider, a trader writes a fix, verifies, previews and deploys it", async ({
  page,
}) => {
  const marker = `e2e-${randomUUID().slice(0, 8)}`;
  const { groupId, traderId } = await seedFailingGroup(page, marker);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));

  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, `/errors/${groupId}`);
  const review = new FixReviewPage(page);

  // No key on this server: the panel says what to set, and only the manual path works.
  await expect(review.panel.getByTestId("recovery-state")).toHaveAttribute("data-state", "none");
  await expect(review.setupNotice).toHaveAttribute("data-blocker", "not_configured");
  await expect(review.setupNotice).toContainText("OPENAI_API_KEY");
  await expect(review.setupNotice).toContainText("OPENAI_BASE_URL");
  await expect(review.setupNotice.getByRole("link", { name: "AI fix settings" })).toHaveAttribute(
    "href",
    "/settings/ai",
  );
  await expect(review.proposeFix).toBeDisabled();
  await expect(review.workspace).toHaveCount(0);

  // The draft starts as version 1 in an editable Monaco, focused.
  await review.writeFixYourself.click();
  await expect(review.workspace).toHaveAttribute("data-source", "manual");
  await expect(review.editor).toBeVisible();
  await expect(review.editor.locator(".view-line").filter({ hasText: marker })).toHaveCount(1);
  await expect(review.deployFix).toBeDisabled();

  // Saving the unchanged code fails the static check and keeps the editor open.
  await review.saveVerify.click();
  await expect(review.verificationReport).toHaveAttribute("data-passed", "false");
  await expect(review.verificationReport).toContainText("identical to the failing version");
  await expect(review.editor).toBeVisible();

  await review.insertLinesAfter(2, fixLines);
  await review.saveVerify.click();
  await expect(review.verificationReport).toHaveAttribute("data-passed", "true");
  await expect(review.verificationReport.getByTestId("verification-case").first()).toBeVisible();
  // Verified, the editor closes onto the diff of what would change.
  await expect(review.editor).toHaveCount(0);
  await expect(review.diff).toContainText("Too little history to compare with");
  await expect(review.deployFix).toBeEnabled();

  // The preview streams progress, then the behavioural diff.
  await review.runPreview.click();
  await expect(review.previewProgress.getByRole("progressbar")).toBeVisible();
  await expect(review.previewSummary).toBeVisible({ timeout: 30_000 });
  await expect(review.previewProgress).toHaveCount(0);
  // The failing input runs now; which synthetic inputs also moved is the route's business.
  await expect(review.previewSummary.getByTestId("preview-count-fixed").locator("dd")).toHaveText(
    /^[1-9]\d*$/,
  );
  await expect(review.previewTable.locator('[data-change="fixed"]').first()).toContainText(
    "BTCUSDT",
  );

  // Tall enough for the diff, the evidence and the preview summary, not every row.
  await page.setViewportSize({ width: 1280, height: 1900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/fix-review.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The confirm dialog shows exactly what goes live.
  await review.deployFix.click();
  await expect(review.deployDialog).toBeVisible();
  await expect(review.deployDialog.getByTestId("code-diff")).toContainText(
    "Too little history to compare with",
  );
  await expect(review.deployDialog.getByTestId("code-diff")).toContainText("v1 (now)");
  await expect(review.deployDialog.getByTestId("deploy-note")).toBeFocused();
  await review.deployDialog.getByTestId("deploy-note").fill(`Short histories (${marker})`);
  await review.confirmDeploy.click();
  await expect(review.deployDialog).toHaveCount(0);
  await expect(review.deployResult).toContainText("Version 2 is live — watching for recurrences");
  await expect(review.deployResult).toBeFocused();
  await expect(review.deployResult.getByRole("link", { name: "Open the trader" })).toHaveAttribute(
    "href",
    `/traders/${traderId}`,
  );

  const trader = await getDb().trader.findUniqueOrThrow({
    where: { id: traderId },
    select: { activeVersion: { select: { version: true, code: true } } },
  });
  expect(trader.activeVersion?.version).toBe(2);
  expect(trader.activeVersion?.code).toBe(fixedFilter(marker));
  // Editing, like viewing, runs without a web worker.
  expect(workers).toEqual([]);
});

test("the fix review fits a phone screen", async ({ page }) => {
  const marker = `e2e-${randomUUID().slice(0, 8)}`;
  const { groupId } = await seedFailingGroup(page, marker);
  await page.setViewportSize({ width: 375, height: 812 });
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, `/errors/${groupId}`);
  const review = new FixReviewPage(page);
  await review.writeFixYourself.click();
  await expect(review.editor).toBeVisible();
  await review.insertLinesAfter(2, fixLines);
  await review.saveVerify.click();
  await expect(review.verificationReport).toHaveAttribute("data-passed", "true");
  await expect(review.diff).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await review.workspace.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "docs/screenshots/fix-review-phone.png" });
});
