import { expect, type Page, test } from "@playwright/test";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import { TradersPage } from "@/tests/e2e/pages/traders-page";

const RSI = "Mean reversion RSI";
const MOMENTUM = "Momentum breakout";

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a trader pauses and resumes a trader from the list", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, "/traders");
  const traders = new TradersPage(page);
  // Other specs add traders of their own to the demo user: look for the seeded two.
  await expect(traders.card(MOMENTUM)).toBeVisible();
  await expect(traders.card(RSI)).toBeVisible();
  const rsi = traders.card(RSI);
  await expect(rsi.getByTestId("active-version")).toContainText("v1");
  await expect(rsi.getByTestId("trader-dsn")).toHaveText(/^http:\/\/[0-9a-f]{32}@/);
  await expect(rsi.getByTestId("open-group-count")).not.toHaveText("0");
  await expect(rsi.getByTestId("trader-open-groups").getByRole("link").first()).toBeVisible();

  // The seeded trader has failed runs, so it is in `error`: still pausable.
  await traders.pauseButton(rsi).click();
  await expect(traders.state(rsi)).toHaveText("paused");
  await expect(traders.pauseButton(rsi)).toHaveCount(0);
  await page.reload();
  await expect(traders.state(rsi)).toHaveText("paused");

  await traders.resumeButton(rsi).click();
  await expect(traders.state(rsi)).toHaveText("running");
  await expect(traders.pauseButton(rsi)).toBeVisible();
});

test("a trader's page lists its groups and links to them", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, "/traders");
  const traders = new TradersPage(page);
  await traders.card(RSI).getByTestId("trader-link").click();
  await page.waitForURL(/\/traders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(RSI);
  await expect(page.getByTestId("trader-dsn")).toBeVisible();
  const rows = page.getByTestId("trader-group-row");
  await expect(rows.filter({ hasText: "RSI is NaN for" })).toHaveCount(1);

  await page.getByTestId("pause-trader").click();
  await expect(page.getByTestId("trader-state")).toHaveText("paused");
  await page.getByTestId("resume-trader").click();
  await expect(page.getByTestId("trader-state")).toHaveText("running");

  await rows.filter({ hasText: "RSI is NaN for" }).getByRole("link").click();
  await page.waitForURL(/\/errors\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("error-detail-title")).toContainText("RSI is NaN for");
});

test("the traders pages fit a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, "/traders");
  const traders = new TradersPage(page);
  // Other specs add traders of their own to the demo user: look for the seeded two.
  await expect(traders.card(MOMENTUM)).toBeVisible();
  await expect(traders.card(RSI)).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await traders.card(RSI).getByTestId("trader-link").click();
  await page.waitForURL(/\/traders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("trader-group-row").first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
