import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { ApiKeysPage } from "@/tests/e2e/pages/api-keys-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";

const TRADER_NAME = "Momentum breakout";

test("a trader creates a key, reports an error with it, then revokes it", async ({
  page,
  request,
}) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, "/settings/api-keys");
  const apiKeys = new ApiKeysPage(page);
  const name = `e2e key ${randomUUID().slice(0, 6)}`;

  // Scoped to one trader, so the event needs no trader_id.
  const token = await apiKeys.createKey(name, TRADER_NAME);
  expect(token).toMatch(/^fl_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("won't be shown again")).toBeVisible();
  const row = apiKeys.row(name);
  await expect(row).toContainText(token.slice(0, 15));
  await expect(row).toContainText(TRADER_NAME);
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");
  // The row shows only the lookup prefix, never the secret.
  await expect(row).not.toContainText(token);

  const report = () =>
    request.post("/api/errors", {
      headers: { authorization: `Bearer ${token}` },
      data: {
        event_id: randomUUID(),
        error_type: "runtime",
        error_message: `ReferenceError: e2eKey${randomUUID().slice(0, 6)} is not defined`,
      },
    });
  expect((await report()).status()).toBe(201);

  await apiKeys.dismissNewKey();
  await expect(apiKeys.newToken).toHaveCount(0);
  await apiKeys.revokeKey(name);
  await expect(row).toContainText("Revoked");
  expect((await report()).status()).toBe(401);

  // The token is not recoverable after a reload.
  await page.reload();
  await expect(apiKeys.row(name)).toContainText("Revoked");
  await expect(page.getByText(token)).toHaveCount(0);
});

test("an empty name is refused inline", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, "/settings/api-keys");
  await page.getByTestId("create-api-key-name").fill("   ");
  await page.getByTestId("create-api-key-submit").click();
  await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();
  await expect(page.getByTestId("new-api-key-token")).toHaveCount(0);
});
