import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { getDb } from "@/lib/db";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { ErrorsPage } from "@/tests/e2e/pages/errors-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import {
  createDemoExecutor,
  type DemoExecutor,
  reportDemoError,
} from "@/tests/e2e/support/demo-executor";

const PANIC_TITLE = "InternalError: stack overflow";
const RSI_TITLE = "RSI is NaN for";

let executor: DemoExecutor;

test.beforeAll(async () => {
  executor = await createDemoExecutor("inbox e2e executor");
});

test.afterAll(async () => {
  await getDb().$disconnect();
});

// Letters only: grouping replaces numbers, hex and tickers, which would merge the groups.
function uniqueWord(): string {
  return randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8)
    .padEnd(8, "q");
}

async function reportError(request: APIRequestContext, message: string) {
  await reportDemoError(request, executor, message, {
    context: { symbol: "ETHUSDT", interval: "5m" },
  });
}

async function seedTwoGroups(request: APIRequestContext) {
  const tag = `inbox${uniqueWord()}`;
  const older = `ReferenceError: ${tag} alpha is not defined`;
  const newer = `ReferenceError: ${tag} beta is not defined`;
  await reportError(request, older);
  await reportError(request, newer);
  return { tag, older, newer };
}

test.beforeEach(async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
});

test("filtering by type goes through the URL, and back restores the list", async ({ page }) => {
  const errors = new ErrorsPage(page);
  await expect(errors.row(RSI_TITLE)).toBeVisible();

  await errors.filterByType("panic");
  await expect(page).toHaveURL(/\/errors\?type=panic$/);
  await expect(errors.row(PANIC_TITLE)).toBeVisible();
  await expect(errors.row(RSI_TITLE)).toHaveCount(0);
  for (const badge of await errors.rows.locator("[data-error-type]").all()) {
    await expect(badge).toHaveAttribute("data-error-type", "panic");
  }

  await page.goBack();
  await expect(page).toHaveURL(/\/errors$/);
  await expect(errors.row(RSI_TITLE)).toBeVisible();
  await expect(errors.typeFilter).toHaveValue("");

  await page.goForward();
  await expect(errors.row(RSI_TITLE)).toHaveCount(0);
  await expect(errors.typeFilter).toHaveValue("panic");

  // The view lives in the URL, so a reload (or a shared link) shows the same list.
  await page.reload();
  await expect(errors.typeFilter).toHaveValue("panic");
  await expect(errors.row(PANIC_TITLE)).toBeVisible();
  await expect(errors.row(RSI_TITLE)).toHaveCount(0);

  // A filter that matches nothing offers the way back.
  await errors.search("no error is called this");
  await expect(errors.noResults).toBeVisible();
  await errors.noResults.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/errors$/);
  await expect(errors.row(RSI_TITLE)).toBeVisible();
});

test("pages with Older and Newer links", async ({ page }) => {
  const errors = new ErrorsPage(page);
  await errors.open("?limit=2");
  await expect(errors.rows).toHaveCount(2);
  const firstPage = await errors.rows.getByTestId("error-group-title").allTextContents();
  await expect(errors.newerLink).toBeDisabled();

  await errors.olderLink.click();
  await expect(page).toHaveURL(/after=/);
  await expect(errors.rows.first()).not.toContainText(firstPage[0] ?? "");
  const secondPage = await errors.rows.getByTestId("error-group-title").allTextContents();
  expect(secondPage.some((title) => firstPage.includes(title))).toBe(false);

  await page.reload();
  await expect(errors.rows.getByTestId("error-group-title")).toHaveText(secondPage);

  await errors.newerLink.click();
  await expect(page).toHaveURL(/before=/);
  await expect(errors.rows.getByTestId("error-group-title")).toHaveText(firstPage);
});

test("bulk-resolves two groups with a note", async ({ page, request }) => {
  const { tag, older, newer } = await seedTwoGroups(request);
  const errors = new ErrorsPage(page);
  await errors.search(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(errors.rows).toHaveCount(2);

  await errors.toggleRow(older);
  await errors.toggleRow(newer);
  await expect(errors.selectedCount).toHaveText("2");
  await errors.bulkChange("Resolve", "Fixed by the null guard in v4");

  await expect(page.getByText("Resolved 2 error groups")).toBeVisible();
  await expect(errors.row(older)).toHaveAttribute("data-status", "resolved");
  await expect(errors.row(newer)).toHaveAttribute("data-status", "resolved");
  await expect(errors.selectedCount).toHaveCount(0);

  const activities = await getDb().groupActivity.findMany({
    where: { kind: "status_changed", group: { title: { contains: tag } } },
    select: { note: true, toStatus: true },
  });
  expect(activities).toEqual([
    { note: "Fixed by the null guard in v4", toStatus: "resolved" },
    { note: "Fixed by the null guard in v4", toStatus: "resolved" },
  ]);
});

test("moves with j/k, selects with x and resolves with e", async ({ page, request }) => {
  const { tag, older, newer } = await seedTwoGroups(request);
  const errors = new ErrorsPage(page);
  await errors.open(`?q=${tag}`);
  await expect(errors.rows).toHaveCount(2);
  await expect(errors.keyboardHelp).toBeVisible();

  // Keys typed into a field stay in the field.
  await errors.searchInput.fill("");
  await errors.searchInput.press("j");
  await errors.searchInput.press("e");
  await expect(errors.searchInput).toHaveValue("je");
  await expect(errors.focusedRow()).toHaveCount(0);
  await errors.searchInput.fill(tag);
  await errors.searchInput.blur();

  await page.keyboard.press("j");
  await expect(errors.focusedRow()).toContainText(newer);
  await page.keyboard.press("j");
  await expect(errors.focusedRow()).toContainText(older);
  await page.keyboard.press("k");
  await expect(errors.focusedRow()).toContainText(newer);

  await page.keyboard.press("x");
  await expect(errors.selectedCount).toHaveText("1");
  await page.keyboard.press("x");
  await expect(errors.selectedCount).toHaveCount(0);

  await page.keyboard.press("e");
  await expect(errors.row(newer)).toHaveAttribute("data-status", "resolved");
  await expect(errors.row(older)).toHaveAttribute("data-status", "unresolved");
  // The cursor survives the refresh that brought the new status.
  await expect(errors.focusedRow()).toContainText(newer);

  await page.keyboard.press("Enter");
  await page.waitForURL(/\/errors\/[0-9a-f-]{36}$/);
});

test("on a phone the list fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const errors = new ErrorsPage(page);
  await errors.open();
  await expect(errors.row(RSI_TITLE)).toBeVisible();
  await expect(errors.row(RSI_TITLE).getByTestId("activity-sparkline")).toBeVisible();
  await expect(errors.typeFilter).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // Each row is a card: the title spans the card instead of being squeezed.
  const titleBox = await errors.row(RSI_TITLE).getByTestId("error-group-title").boundingBox();
  expect(titleBox?.width ?? 0).toBeGreaterThan(200);
});
