import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { getDb } from "@/lib/db";
import { DEMO_ADMIN_EMAIL, DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { AdminErrorsPage } from "@/tests/e2e/pages/admin-errors-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";

test.afterAll(async () => {
  await getDb().$disconnect();
});

// Each test logs its own system errors under a type nobody else uses, so filtering by
// that type shows exactly them whatever else the shared database holds.
async function seedSystemErrors() {
  const errorType = `e2e_probe_${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  const specs = [
    { message: `${errorType}: job crashed`, severity: "critical", component: "jobs" },
    { message: `${errorType}: email bounced`, severity: "high", component: "email" },
    { message: `${errorType}: pusher slow`, severity: "low", component: "realtime" },
  ] as const;
  const db = getDb();
  for (const [index, spec] of specs.entries()) {
    await db.systemError.create({
      data: {
        ...spec,
        errorType,
        stackTrace: `Error: ${spec.message}\n    at runJob (lib/jobs/run-job.ts:42:11)`,
        context: { attempt: index + 1, queue: "default" },
        jobId: `job-${index}`,
        createdAt: new Date(now - index * 60_000),
      },
    });
  }
  const [critical, high, low] = specs;
  return { errorType, critical, high, low };
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("an admin filters, opens a system error, resolves it with a note and sees the stats change", async ({
  page,
}) => {
  const { errorType, critical, high } = await seedSystemErrors();
  await new SignInPage(page).signInAsDemo(DEMO_ADMIN_EMAIL, "/admin/errors");
  const admin = new AdminErrorsPage(page);
  await expect(admin.chart).toBeVisible();
  const unresolvedBefore = await admin.readStat("unresolved");
  expect(unresolvedBefore).toBeGreaterThanOrEqual(3);

  await admin.filterByType(errorType);
  await expect(page).toHaveURL(new RegExp(`type=${errorType}`));
  await expect(admin.rows).toHaveCount(3);
  // Two quick clicks: the second builds on the first while its page is still loading.
  await admin.severityFilter("critical").click();
  await admin.severityFilter("high").click();
  await expect(admin.severityFilter("critical")).toBeChecked();
  await expect(admin.severityFilter("high")).toBeChecked();
  await expect(page).toHaveURL(/severity=high%2Ccritical|severity=high,critical/);
  await expect(admin.rows).toHaveCount(2);
  await admin.componentFilter.selectOption("jobs");
  await expect(admin.rows).toHaveCount(1);
  await expect(admin.row(critical.message)).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/admin-errors.png", fullPage: true });

  // The view lives in the URL: back restores the wider list.
  await page.goBack();
  await expect(admin.rows).toHaveCount(2);
  await expect(admin.row(high.message)).toBeVisible();

  await admin.openRow(critical.message);
  await expect(page.getByTestId("system-error-stack")).toContainText("lib/jobs/run-job.ts:42");
  await expect(page.getByTestId("system-error-context")).toContainText('"queue": "default"');

  await page.getByTestId("resolve-system-error").click();
  // The note is required.
  await admin.resolveDialog.getByTestId("confirm-resolve").click();
  await expect(admin.notesError).toHaveText("Say how the error was resolved.");
  await admin.confirmResolve("Restarted the worker; the queue drained.");
  await expect(page.getByText("Resolved 1 system error")).toBeVisible();
  await expect(page.getByTestId("system-error-notes")).toHaveText(
    "Restarted the worker; the queue drained.",
  );
  await expect(page.getByTestId("system-error-resolver")).toHaveText("Avery Admin");

  await admin.open();
  await expect(admin.stat("unresolved")).toHaveText(String(unresolvedBefore - 1));
  const row = await getDb().systemError.findFirstOrThrow({
    where: { message: critical.message },
    select: { resolvedBy: { select: { email: true } }, resolutionNotes: true },
  });
  expect(row).toEqual({
    resolvedBy: { email: DEMO_ADMIN_EMAIL },
    resolutionNotes: "Restarted the worker; the queue drained.",
  });
});

test("an admin bulk-resolves the open errors of one type, on a phone", async ({ page }) => {
  const { errorType, critical, high, low } = await seedSystemErrors();
  await page.setViewportSize({ width: 390, height: 844 });
  await new SignInPage(page).signInAsDemo(DEMO_ADMIN_EMAIL, "/admin/errors");
  const admin = new AdminErrorsPage(page);
  await admin.open(`?type=${errorType}&unresolved=1`);
  await expect(admin.rows).toHaveCount(3);
  await expect(admin.unresolvedFilter).toBeChecked();
  await expectNoHorizontalOverflow(page);
  const unresolvedBefore = await admin.readStat("unresolved");

  for (const { message } of [critical, high, low]) await admin.toggleRow(message);
  await expect(admin.selectedCount).toHaveText("3");
  await admin.bulkResolveButton.click();
  await admin.confirmResolve("Provider outage over.");
  await expect(page.getByText("Resolved 3 system errors")).toBeVisible();
  // Only unresolved ones are listed, so the page empties.
  await expect(admin.noResults).toBeVisible();
  await expect(admin.stat("unresolved")).toHaveText(String(unresolvedBefore - 3));
  expect(
    await getDb().systemError.count({
      where: { errorType, resolutionNotes: "Provider outage over.", resolvedAt: { not: null } },
    }),
  ).toBe(3);
});

test("an admin browses users read-only", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_ADMIN_EMAIL, "/admin/errors");
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Users" })
    .click();
  const traderRow = page.locator(
    `[data-testid=admin-user-row][data-user-email="${DEMO_TRADER_EMAIL}"]`,
  );
  await expect(traderRow).toBeVisible();
  await traderRow.getByTestId("admin-user-link").click();
  await expect(page.getByTestId("admin-user-traders")).toContainText("Momentum breakout");
  await expect(page.getByTestId("admin-user-group").first()).toBeVisible();
});

test("a trader gets 404 on every admin page", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  for (const path of ["/admin/errors", "/admin/users"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId("system-error-row")).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  }
});
