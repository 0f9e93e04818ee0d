import type { Locator, Page } from "@playwright/test";

export class ErrorDetailPage {
  readonly title: Locator;
  readonly status: Locator;
  readonly stackTrace: Locator;
  readonly inAppFrames: Locator;
  readonly runtimeFrames: Locator;
  readonly codeViewer: Locator;
  readonly editor: Locator;
  readonly markedLine: Locator;
  readonly activity: Locator;
  readonly recoveryPanel: Locator;
  readonly occurrenceChart: Locator;
  readonly events: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByTestId("error-detail-title");
    this.status = page.getByTestId("error-group-status");
    this.stackTrace = page.getByTestId("stack-trace").first();
    this.inAppFrames = this.stackTrace.locator('[data-frame-kind="in-app"]');
    this.runtimeFrames = this.stackTrace.locator('[data-frame-kind="runtime"]');
    this.codeViewer = page.getByTestId("code-viewer");
    this.editor = this.codeViewer.locator(".monaco-editor");
    this.markedLine = this.editor.locator(".fl-failing-line");
    this.activity = page.getByTestId("activity-entry");
    this.recoveryPanel = page.getByTestId("recovery-panel");
    this.occurrenceChart = page.getByTestId("occurrence-chart");
    this.events = page.getByTestId("group-event");
  }

  async open(groupId: string) {
    await this.page.goto(`/errors/${groupId}`);
  }

  // The rendered Monaco line that contains `text`.
  editorLine(text: string): Locator {
    return this.editor.locator(".view-line").filter({ hasText: text });
  }

  async changeStatus(action: "resolved" | "unresolved" | "ignored", note?: string) {
    await this.page.getByTestId(`status-action-${action}`).click();
    if (note) await this.page.getByTestId("status-note").fill(note);
    await this.page.getByTestId("confirm-status-change").click();
    await this.page.getByTestId("status-dialog").waitFor({ state: "detached" });
  }
}
