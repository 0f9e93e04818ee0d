import { expect, type Locator, type Page } from "@playwright/test";

// The "Workflow schedules" table of a trader's page (/traders/:id): one row per
// schedule with its health, and Re-enable on a stopped one.
export class WorkflowSchedulesPanel {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId("workflow-schedules");
    this.rows = this.table.getByTestId("workflow-schedule-row");
  }

  async open(traderId: string) {
    await this.page.goto(`/traders/${traderId}`);
  }

  row(symbol: string): Locator {
    return this.rows.filter({
      has: this.page.getByRole("cell").getByText(symbol, { exact: true }),
    });
  }

  executions(row: Locator): Locator {
    return row.getByTestId("schedule-executions");
  }

  errorStreak(row: Locator): Locator {
    return row.getByTestId("schedule-error-streak");
  }

  reenableButton(row: Locator): Locator {
    return row.getByTestId("reenable-schedule");
  }

  // The page is rendered on the server: what an executor reports shows after a reload.
  async expectRow(symbol: string, check: (row: Locator) => Promise<void>, timeout = 30_000) {
    await expect(async () => {
      await this.page.reload();
      await check(this.row(symbol));
    }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
  }

  async reenable(symbol: string) {
    const row = this.row(symbol);
    await this.reenableButton(row).click();
    await expect(this.page.getByText(`${symbol} 5m re-enabled`)).toBeVisible();
    await expect(row).toHaveAttribute("data-state", "active");
  }
}
