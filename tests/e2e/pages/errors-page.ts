import { expect, type Locator, type Page } from "@playwright/test";

export class ErrorsPage {
  readonly rows: Locator;
  readonly searchInput: Locator;
  readonly statusFilter: Locator;
  readonly filters: Locator;
  readonly typeFilter: Locator;
  readonly traderFilter: Locator;
  readonly rangeFilter: Locator;
  readonly bulkActions: Locator;
  readonly selectedCount: Locator;
  readonly bulkDialog: Locator;
  readonly keyboardHelp: Locator;
  readonly olderLink: Locator;
  readonly newerLink: Locator;
  readonly noResults: Locator;

  constructor(private readonly page: Page) {
    // While a refresh swaps the list, React can briefly keep the previous rows mounted
    // but hidden: only the visible ones are the inbox the user sees.
    this.rows = page.getByTestId("error-group-row").filter({ visible: true });
    this.searchInput = page.getByTestId("filter-search");
    this.statusFilter = page.getByTestId("filter-status");
    this.filters = page.getByTestId("inbox-filters");
    this.typeFilter = page.getByTestId("filter-type");
    this.traderFilter = page.getByTestId("filter-trader");
    this.rangeFilter = page.getByTestId("filter-range");
    this.bulkActions = page.getByTestId("bulk-actions");
    this.selectedCount = page.getByTestId("selected-count");
    this.bulkDialog = page.getByTestId("bulk-status-dialog");
    this.keyboardHelp = page.getByTestId("keyboard-help");
    this.olderLink = page.getByTestId("next-page");
    this.newerLink = page.getByTestId("previous-page");
    this.noResults = page.getByTestId("inbox-no-results");
  }

  async open(query = "") {
    await this.page.goto(`/errors${query}`);
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  focusedRow(): Locator {
    return this.page
      .locator("[data-testid=error-group-row][data-focused]")
      .filter({ visible: true });
  }

  // Before hydration a native select changes but nothing navigates.
  async filterByType(type: string) {
    await expect(this.filters).toHaveAttribute("data-interactive", "true");
    await this.typeFilter.selectOption(type);
  }

  async search(text: string) {
    await this.searchInput.fill(text);
    await this.searchInput.press("Enter");
  }

  async toggleRow(title: string) {
    await this.row(title).getByTestId("select-group").click();
  }

  async bulkChange(action: "Resolve" | "Ignore" | "Reopen", note?: string) {
    await this.bulkActions.getByRole("button", { name: action, exact: true }).click();
    if (note) await this.bulkDialog.getByTestId("bulk-status-note").fill(note);
    await this.bulkDialog.getByTestId("confirm-bulk-status").click();
  }
}
