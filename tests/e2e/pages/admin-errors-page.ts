import { expect, type Locator, type Page } from "@playwright/test";
import type { Severity } from "@/lib/generated/prisma/enums";

type StatKey = "total" | "unresolved" | "last24h" | "criticalUnresolved";

export class AdminErrorsPage {
  readonly rows: Locator;
  readonly filters: Locator;
  readonly typeFilter: Locator;
  readonly componentFilter: Locator;
  readonly unresolvedFilter: Locator;
  readonly bulkResolveButton: Locator;
  readonly selectedCount: Locator;
  readonly resolveDialog: Locator;
  readonly notes: Locator;
  readonly notesError: Locator;
  readonly noResults: Locator;
  readonly chart: Locator;
  readonly detail: Locator;
  readonly resolution: Locator;

  constructor(private readonly page: Page) {
    // While a navigation swaps the list, React can briefly keep the previous rows
    // mounted but hidden: only the visible ones are the list the admin sees.
    this.rows = page.getByTestId("system-error-row").filter({ visible: true });
    this.filters = page.getByTestId("system-error-filters");
    this.typeFilter = page.getByTestId("filter-type");
    this.componentFilter = page.getByTestId("filter-component");
    this.unresolvedFilter = page.getByTestId("filter-unresolved");
    this.bulkResolveButton = page.getByTestId("bulk-resolve");
    this.selectedCount = page.getByTestId("selected-count");
    this.resolveDialog = page.getByTestId("resolve-dialog");
    this.notes = page.getByTestId("resolve-notes");
    this.notesError = page.getByTestId("resolve-notes-error");
    this.noResults = page.getByTestId("system-errors-no-results");
    this.chart = page.getByTestId("errors-by-type-chart");
    this.detail = page.getByTestId("system-error-detail");
    this.resolution = page.getByTestId("system-error-resolution");
  }

  async open(query = "") {
    await this.page.goto(`/admin/errors${query}`);
  }

  stat(key: StatKey): Locator {
    return this.page.getByTestId(`stat-${key}-value`);
  }

  // Before hydration a native select changes but nothing navigates.
  async filterByType(type: string) {
    await expect(this.filters).toHaveAttribute("data-interactive", "true");
    await this.typeFilter.selectOption(type);
  }

  async readStat(key: StatKey): Promise<number> {
    return Number((await this.stat(key).textContent())?.replace(/,/g, ""));
  }

  severityFilter(severity: Severity): Locator {
    return this.page.getByTestId(`filter-severity-${severity}`);
  }

  row(message: string): Locator {
    return this.rows.filter({ hasText: message });
  }

  async toggleRow(message: string) {
    await this.row(message).getByTestId("select-system-error").click();
  }

  async openRow(message: string) {
    await this.row(message).getByTestId("system-error-link").click();
    await expect(this.detail).toBeVisible();
  }

  // Fills the required note and confirms; the dialog closes once the action succeeded.
  async confirmResolve(notes: string) {
    await expect(this.resolveDialog).toBeVisible();
    await this.notes.fill(notes);
    await this.resolveDialog.getByTestId("confirm-resolve").click();
    await expect(this.resolveDialog).toBeHidden();
  }
}
