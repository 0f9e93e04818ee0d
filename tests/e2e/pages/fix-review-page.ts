import { expect, type Locator, type Page } from "@playwright/test";

// The recovery panel (sidebar) and the fix workspace (main column) of /errors/:id.
export class FixReviewPage {
  readonly panel: Locator;
  readonly setupNotice: Locator;
  readonly proposeFix: Locator;
  readonly writeFixYourself: Locator;
  readonly workspace: Locator;
  readonly editor: Locator;
  readonly saveVerify: Locator;
  readonly verificationReport: Locator;
  readonly diff: Locator;
  readonly runPreview: Locator;
  readonly previewProgress: Locator;
  readonly previewSummary: Locator;
  readonly previewTable: Locator;
  readonly deployFix: Locator;
  readonly deployDialog: Locator;
  readonly confirmDeploy: Locator;
  readonly deployResult: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId("recovery-panel");
    this.setupNotice = this.panel.getByTestId("ai-setup-notice");
    this.proposeFix = page.getByTestId("propose-fix");
    this.writeFixYourself = page.getByTestId("write-fix-yourself");
    this.workspace = page.getByTestId("fix-workspace");
    this.editor = this.workspace.getByTestId("code-editor").locator(".monaco-editor");
    this.saveVerify = page.getByTestId("save-verify");
    this.verificationReport = this.workspace.getByTestId("verification-report");
    this.diff = page.getByTestId("fix-diff");
    this.runPreview = page.getByTestId("run-preview");
    this.previewProgress = page.getByTestId("preview-progress");
    this.previewSummary = page.getByTestId("preview-summary");
    this.previewTable = page.getByTestId("preview-table");
    this.deployFix = page.getByTestId("deploy-fix");
    this.deployDialog = page.getByTestId("deploy-dialog");
    this.confirmDeploy = page.getByTestId("confirm-deploy");
    this.deployResult = page.getByTestId("deploy-result");
  }

  async open(groupId: string) {
    await this.page.goto(`/errors/${groupId}`);
  }

  // Adds lines after line `lineNumber` the way a user types them: Enter, then each
  // line's text without its indentation, which Monaco's auto-indent supplies.
  async insertLinesAfter(lineNumber: number, lines: string[]) {
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+Home");
    for (let line = 1; line < lineNumber; line += 1) await this.page.keyboard.press("ArrowDown");
    await this.page.keyboard.press("End");
    for (const text of lines) {
      await this.page.keyboard.press("Enter");
      await this.page.keyboard.insertText(text);
    }
  }

  async deploy(note?: string) {
    await this.deployFix.click();
    await expect(this.deployDialog).toBeVisible();
    if (note) await this.deployDialog.getByTestId("deploy-note").fill(note);
    await this.confirmDeploy.click();
  }
}
