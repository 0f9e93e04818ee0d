import { expect, test } from "@playwright/test";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";

test("the query API answers a signed-in browser session, and only with its own groups", async ({
  page,
  request,
}) => {
  const anonymous = await request.get("/api/errors");
  expect(anonymous.status()).toBe(401);

  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  const response = await page.request.get("/api/errors?sort=count&order=desc&limit=2");
  expect(response.status()).toBe(200);
  const { data, next_cursor: nextCursor } = await response.json();
  expect(data).toHaveLength(2);
  expect(data[0].event_count).toBeGreaterThanOrEqual(data[1].event_count);
  expect(nextCursor).toEqual(expect.any(String));

  const detail = await page.request.get(`/api/errors/${data[0].id}`);
  expect(detail.status()).toBe(200);
  expect(
    await page.request
      .get("/api/errors/00000000-0000-4000-8000-000000000000")
      .then((r) => r.status()),
  ).toBe(404);
});

test("each trader shows its Sentry DSN", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, "/traders");
  const dsns = page.getByTestId("trader-dsn");
  await expect(dsns).toHaveCount(2);
  await expect(dsns.first()).toHaveText(/^http:\/\/[0-9a-f]{32}@127\.0\.0\.1:\d+\/\d+$/);
});
