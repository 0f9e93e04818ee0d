import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { getDb } from "@/lib/db";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { ErrorsPage } from "@/tests/e2e/pages/errors-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import { createDemoExecutor, reportDemoError } from "@/tests/e2e/support/demo-executor";

test.afterAll(async () => {
  await getDb().$disconnect();
});

// The built-in driver (no PUSHER_* in the e2e server's environment): Postgres NOTIFY
// → the server's SSE stream → EventSource → router.refresh() and a toast.
test("a newly reported error appears in the open inbox without a reload, with a toast", async ({
  page,
  request,
}) => {
  const streamOpened = page.waitForResponse(
    (response) => response.url().endsWith("/api/realtime/stream") && response.status() === 200,
  );
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  const errors = new ErrorsPage(page);
  await expect(errors.rows.first()).toBeVisible();
  const seededCount = await errors.rows.count();
  // The stream answers only once it is subscribed, so nothing published after this is missed.
  await streamOpened;
  // Survives only if the page is never reloaded.
  await page.evaluate(() => {
    document.documentElement.dataset.e2eNoReload = "1";
  });

  const executor = await createDemoExecutor("e2e live executor");
  const title = `ReferenceError: liveIndicator${randomUUID().slice(0, 6)} is not defined`;
  const { group_id: groupId } = await reportDemoError(request, executor, title);

  await expect(errors.row(title)).toBeVisible({ timeout: 2_000 });
  await expect(errors.rows).toHaveCount(seededCount + 1);
  const toast = page.getByTestId("realtime-toast").filter({ hasText: title });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText("New error:");
  expect(await page.evaluate(() => document.documentElement.dataset.e2eNoReload)).toBe("1");

  await toast.getByRole("link", { name: "View error" }).click();
  await expect(page).toHaveURL(new RegExp(`/errors/${groupId}$`));

  // The new group's email is recorded once by the server's job worker; a regression
  // inside the throttle window is kept for the digest instead of mailed again.
  const db = getDb();
  const emailsOfGroup = () =>
    db.emailMessage.findMany({
      where: { notification: { groupId } },
      select: { status: true, kind: true },
      orderBy: { createdAt: "asc" },
    });
  await expect
    .poll(emailsOfGroup, { timeout: 15_000 })
    .toEqual([{ status: "stored", kind: "new_group" }]);
  await db.errorGroup.update({
    where: { id: groupId },
    data: { status: "resolved", resolvedAt: new Date() },
  });
  await reportDemoError(request, executor, title);
  await expect.poll(emailsOfGroup, { timeout: 15_000 }).toEqual([
    { status: "stored", kind: "new_group" },
    { status: "throttled", kind: "regression" },
  ]);
});
