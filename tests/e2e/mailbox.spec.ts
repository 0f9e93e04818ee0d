import { expect, test } from "@playwright/test";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { MailboxPage, NotificationSettingsPage } from "@/tests/e2e/pages/mailbox-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";

test("the demo trader's mailbox lists the stored notification emails and previews one", async ({
  page,
}) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, "/settings/mailbox");
  const mailbox = new MailboxPage(page);

  // The seed's notifications are delivered by the server's job worker.
  expect(await mailbox.waitForEmails()).toBeGreaterThan(1);
  await expect(mailbox.explanation).toContainText("stored here but not sent");
  // Other specs may have added throttled ones ("Held for digest") on top.
  await expect(
    mailbox.emails
      .getByTestId("email-status")
      .filter({ hasText: /^Stored$/ })
      .first(),
  ).toBeVisible();

  const second = mailbox.emails.nth(1);
  const subject = (await second.locator("span").first().textContent())?.trim() ?? "";
  expect(subject).toMatch(/^(New error|Regression) in (Momentum breakout|Mean reversion RSI): /);
  await second.click();

  await expect(page).toHaveURL(/\/settings\/mailbox\?email=[0-9a-f-]{36}/);
  await expect(second).toHaveAttribute("aria-current", "true");
  await expect(mailbox.previewSubject).toHaveText(subject);
  await expect(mailbox.previewFrameElement).toHaveAttribute(
    "sandbox",
    "allow-popups allow-popups-to-escape-sandbox",
  );
  const frame = mailbox.previewFrame;
  await expect(frame.getByRole("heading", { level: 1 })).toContainText(
    /(Momentum breakout|Mean reversion RSI)/,
  );
  await expect(frame.getByRole("link", { name: "Open the error" })).toHaveAttribute(
    "href",
    /\/errors\/[0-9a-f-]{36}$/,
  );
});

test("notification email preferences are saved per kind", async ({ page }) => {
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, "/settings/notifications");
  const settings = new NotificationSettingsPage(page);

  await expect(settings.choice("regression", "immediate")).toBeChecked();
  await settings.choose("regression", "digest");
  await settings.choose("daily_digest", "off");
  await settings.save();
  await expect(page.getByText("Notification emails saved")).toBeVisible();

  await page.reload();
  await expect(settings.choice("regression", "digest")).toBeChecked();
  await expect(settings.choice("daily_digest", "off")).toBeChecked();
  await expect(settings.choice("new_group", "immediate")).toBeChecked();

  // Back to the defaults, for the specs that run after this one.
  await settings.choose("regression", "immediate");
  await settings.choose("daily_digest", "immediate");
  await settings.save();
  await expect(page.getByTestId("save-notification-preferences")).toBeDisabled();
});
