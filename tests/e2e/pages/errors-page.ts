import type { Locator, Page } from "@playwright/test";

export class ErrorsPage {
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId("error-group-row");
  }

  async open() {
    await this.page.goto("/errors");
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }
}
