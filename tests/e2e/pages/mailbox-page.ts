import type { FrameLocator, Locator, Page } from "@playwright/test";

export class MailboxPage {
  readonly emails: Locator;
  readonly explanation: Locator;
  readonly previewSubject: Locator;
  readonly previewFrameElement: Locator;
  readonly previewFrame: FrameLocator;

  constructor(private readonly page: Page) {
    this.emails = page.getByTestId("mailbox-email");
    this.explanation = page.getByTestId("mailbox-explanation");
    this.previewSubject = page.getByTestId("mailbox-preview-subject");
    this.previewFrameElement = page.getByTestId("mailbox-preview-frame");
    this.previewFrame = page.frameLocator('[data-testid="mailbox-preview-frame"]');
  }

  async open() {
    await this.page.goto("/settings/mailbox");
  }

  // Emails are written by the job worker after the server starts: reload until some exist.
  async waitForEmails(): Promise<number> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const count = await this.emails.count();
      if (count > 0) return count;
      await this.page.waitForTimeout(1_000);
      await this.page.reload();
    }
    return this.emails.count();
  }
}

export class NotificationSettingsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/settings/notifications");
  }

  choice(kind: string, value: "immediate" | "digest" | "off"): Locator {
    return this.page.getByTestId(`preference-${kind}-${value}`);
  }

  async choose(kind: string, value: "immediate" | "digest" | "off") {
    // The radio is visually hidden inside its label: click the label.
    await this.page
      .getByTestId(`preference-${kind}`)
      .locator("label")
      .filter({ has: this.choice(kind, value) })
      .click();
  }

  async save() {
    await this.page.getByTestId("save-notification-preferences").click();
  }
}
