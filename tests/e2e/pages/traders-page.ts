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

// One trader's page (/traders/:id): its summary and its code versions.
export class TraderDetailPage {
  readonly activeVersion: Locator;
  readonly versionHistory: Locator;
  readonly versions: Locator;
  readonly rollbackDialog: Locator;

  constructor(private readonly page: Page) {
    this.activeVersion = page.getByTestId("active-version");
    this.versionHistory = page.getByTestId("version-history");
    this.versions = this.versionHistory.getByTestId("version-item");
    this.rollbackDialog = page.getByTestId("rollback-dialog");
  }

  async open(traderId: string) {
    await this.page.goto(`/traders/${traderId}`);
  }

  version(number: number): Locator {
    return this.versionHistory.locator(`[data-testid="version-item"][data-version="${number}"]`);
  }

  activeBadge(version: Locator): Locator {
    return version.getByTestId("version-active-badge");
  }

  deployments(version: Locator, kind: "deploy" | "rollback" | "auto_rollback"): Locator {
    return version.locator(`[data-testid="version-deployment"][data-kind="${kind}"]`);
  }

  // Opens the confirm dialog and waits for its diff (the target's code loads on open).
  async openRollback(number: number): Promise<Locator> {
    await this.version(number).getByTestId("rollback-button").click();
    await this.rollbackDialog.getByTestId("code-diff").waitFor();
    return this.rollbackDialog.getByTestId("code-diff");
  }

  rollbackReason(): Locator {
    return this.rollbackDialog.getByTestId("rollback-reason");
  }

  async confirmRollback() {
    await this.rollbackDialog.getByTestId("confirm-rollback").click();
  }
}
