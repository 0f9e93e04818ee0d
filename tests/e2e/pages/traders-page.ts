import type { Locator, Page } from "@playwright/test";

export class TradersPage {
  readonly cards: Locator;

  constructor(private readonly page: Page) {
    this.cards = page.getByTestId("trader-card");
  }

  async open() {
    await this.page.goto("/traders");
  }

  card(name: string): Locator {
    return this.cards.filter({
      has: this.page.getByTestId("trader-link").getByText(name, { exact: true }),
    });
  }

  state(scope: Locator): Locator {
    return scope.getByTestId("trader-state");
  }

  pauseButton(scope: Locator): Locator {
    return scope.getByTestId("pause-trader");
  }

  resumeButton(scope: Locator): Locator {
    return scope.getByTestId("resume-trader");
  }
}
