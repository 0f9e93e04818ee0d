import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { getDb } from "@/lib/db";
import { DEMO_ADMIN_EMAIL, DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { ErrorsPage } from "@/tests/e2e/pages/errors-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import { createDemoExecutor, reportDemoError } from "@/tests/e2e/support/demo-executor";

test.afterAll(async () => {
  await getDb().$disconnect();
});

test("a trader signs in, sees the seeded errors and a newly reported one", async ({
  page,
  request,
}) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  const errors = new ErrorsPage(page);
  await expect(errors.row("Cannot read properties of undefined")).toBeVisible();
  await expect(errors.row("RSI is NaN for")).toBeVisible();
  const seededCount = await errors.rows.count();
  expect(seededCount).toBeGreaterThanOrEqual(5);

  const executor = await createDemoExecutor("e2e executor");
  const title = `ReferenceError: e2eIndicator${randomUUID().slice(0, 6)} is not defined`;
  await reportDemoError(request, executor, title);

  await page.reload();
  await expect(errors.row(title)).toBeVisible();
  await expect(errors.rows).toHaveCount(seededCount + 1);
});

test("a trader gets 404 on the admin page; an admin gets it", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  const forbidden = await page.goto("/admin/errors");
  expect(forbidden?.status()).toBe(404);

  await page.context().clearCookies();
  await new SignInPage(page).signInAsDemo(DEMO_ADMIN_EMAIL);
  const allowed = await page.goto("/admin/errors");
  expect(allowed?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "System errors" })).toBeVisible();
});

test("an anonymous visitor is sent to sign in", async ({ page }) => {
  await page.goto("/errors");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ferrors/);
});
