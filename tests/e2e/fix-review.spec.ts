import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import {
  FixReviewPage,
  fixedFilter,
  fixLines,
  seedFailingGroup,
} from "@/tests/e2e/pages/fix-review-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import { E2E_NO_LLM_BASE_URL } from "@/tests/e2e/support/e2e-llm-server";

// The manual path must work where no AI provider is configured, so this file runs
// against the second web server (playwright.config.ts), which has none; the main one
// talks to a fake provider (recovery-loop.spec.ts). That server has its own database:
// the seeding below writes there.
test.use({ baseURL: E2E_NO_LLM_BASE_URL });

const db: Db = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.E2E_NO_LLM_DATABASE_URL }),
  omit: { apiKey: { hash: true } },
});

test.afterAll(async () => {
  await db.$disconnect();
});

test("without an AI provider, a trader writes a fix, verifies, previews and deploys it", async ({
  page,
}) => {
  const marker = `e2e-${randomUUID().slice(0, 8)}`;
  const { groupId, traderId } = await seedFailingGroup(db, page.request, { marker });
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

  const trader = await db.trader.findUniqueOrThrow({
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
  const { groupId } = await seedFailingGroup(db, page.request, { marker });
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
