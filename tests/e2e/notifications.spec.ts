import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { getDb } from "@/lib/db";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { NotificationsMenu } from "@/tests/e2e/pages/notifications-menu";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import { createDemoExecutor, reportDemoError } from "@/tests/e2e/support/demo-executor";

const unreadLabel = /^\d+ unread notifications?$/;

test.afterAll(async () => {
  await getDb().$disconnect();
});

test("the demo trader opens an unread notification, lands on its group and the count drops", async ({
  page,
}) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  const notifications = new NotificationsMenu(page);
  // The seed's errors each opened a new group, and each new group notified.
  await expect(notifications.bell).toHaveAccessibleName(unreadLabel);
  const before = await notifications.unreadCount();
  expect(before).toBeGreaterThan(0);

  await notifications.open();
  const first = notifications.unreadItems.first();
  const href = await first.getAttribute("href");
  expect(href).toMatch(/^\/errors\/[0-9a-f-]{36}$/);
  await first.click();

  await expect(page).toHaveURL(href ?? "");
  await expect(notifications.badge).toHaveText(String(before - 1));
  await expect(notifications.bell).toHaveAccessibleName(
    before - 1 === 1 ? "1 unread notification" : `${before - 1} unread notifications`,
  );
  // Stored, not just shown: a fresh page load agrees.
  await page.reload();
  await expect(notifications.badge).toHaveText(String(before - 1));
});

test("mark all read clears the badge", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  const notifications = new NotificationsMenu(page);
  await expect(notifications.badge).toBeVisible();

  await notifications.open();
  await notifications.markAllRead();
  await expect(notifications.badge).toHaveCount(0);
  await expect(notifications.unreadItems).toHaveCount(0);
  // An open menu hides the rest of the page (the bell too) from assistive tech.
  await notifications.close();
  await expect(notifications.bell).toHaveAccessibleName("Notifications, none unread");

  await page.reload();
  await expect(notifications.badge).toHaveCount(0);
});

test("a newly reported error bumps the count without a reload", async ({ page, request }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  const notifications = new NotificationsMenu(page);
  await expect(notifications.bell).toBeVisible();
  const before = await notifications.unreadCount();

  const executor = await createDemoExecutor("e2e notifications");
  const message = `ReferenceError: e2eBell${randomUUID().slice(0, 6)} is not defined`;
  await reportDemoError(request, executor, message);

  await expect(notifications.badge).toHaveText(String(before + 1), { timeout: 15_000 });
  await notifications.open();
  await expect(notifications.items.first()).toContainText(message);
});

test("view all lists notifications with a read filter", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  const notifications = new NotificationsMenu(page);
  await notifications.open();
  await notifications.viewAll();

  await expect(page).toHaveURL("/notifications");
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const rows = page.getByTestId("notification-row");
  await expect(rows.first()).toBeVisible();
  const total = await rows.count();

  await page.getByTestId("notifications-filter-unread").click();
  await expect(page).toHaveURL("/notifications?filter=unread");
  const unreadRows = page.locator('[data-testid="notification-row"][data-unread="true"]');
  await expect(rows).toHaveCount(await unreadRows.count());
  expect(await rows.count()).toBeLessThanOrEqual(total);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the bell sits in the top bar and its menu fits the screen", async ({ page }) => {
    await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
    const notifications = new NotificationsMenu(page);
    await expect(notifications.bell).toBeVisible();
    await notifications.open();
    const box = await notifications.menu.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375).toBe(true);
    await expect(notifications.menu.getByTestId("notification-view-all")).toBeVisible();
  });
});
