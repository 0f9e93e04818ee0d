import type { Locator, Page } from "@playwright/test";

export class ApiKeysPage {
  readonly rows: Locator;
  readonly newToken: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId("api-key-row");
    this.newToken = page.getByTestId("new-api-key-token");
  }

  async open() {
    await this.page.goto("/settings/api-keys");
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  // Creates a key and returns the token from the one-time panel.
  async createKey(name: string, traderName?: string): Promise<string> {
    await this.page.getByTestId("create-api-key-name").fill(name);
    if (traderName)
      await this.page.getByLabel("Trader", { exact: true }).selectOption({ label: traderName });
    await this.page.getByTestId("create-api-key-submit").click();
    await this.newToken.waitFor();
    return (await this.newToken.textContent())?.trim() ?? "";
  }

  async dismissNewKey() {
    await this.page.getByTestId("new-api-key-done").click();
  }

  async revokeKey(name: string) {
    const keyId = await this.row(name).getAttribute("data-key-id");
    await this.page.getByTestId(`revoke-api-key-${keyId}`).click();
    await this.page.getByTestId("confirm-revoke-api-key").click();
  }
}
