import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";
import type { Db } from "@/lib/db";
import { createTrader } from "@/lib/traders/create-trader";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { seedApiKey } from "@/tests/factories/seed-api-key";

// The recovery panel (sidebar) and the fix workspace (main column) of /errors/:id.
export class FixReviewPage {
  readonly panel: Locator;
  readonly recoveryState: Locator;
  readonly setupNotice: Locator;
  readonly proposeFix: Locator;
  readonly writeFixYourself: Locator;
  readonly workspace: Locator;
  readonly editor: Locator;
  readonly saveVerify: Locator;
  readonly verificationReport: Locator;
  readonly verificationCases: Locator;
  readonly explanation: Locator;
  readonly diff: Locator;
  readonly previewSection: Locator;
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
    this.recoveryState = this.panel.getByTestId("recovery-state");
    this.setupNotice = this.panel.getByTestId("ai-setup-notice");
    this.proposeFix = page.getByTestId("propose-fix");
    this.writeFixYourself = page.getByTestId("write-fix-yourself");
    this.workspace = page.getByTestId("fix-workspace");
    this.editor = this.workspace.getByTestId("code-editor").locator(".monaco-editor");
    this.saveVerify = page.getByTestId("save-verify");
    this.verificationReport = this.workspace.getByTestId("verification-report");
    this.verificationCases = this.verificationReport.getByTestId("verification-case");
    this.explanation = this.workspace.getByTestId("fix-explanation");
    this.diff = page.getByTestId("fix-diff");
    this.previewSection = this.workspace.getByRole("region", { name: "Preview on recent inputs" });
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

  // "Propose a fix", then wait while the panel refreshes itself through queued and
  // running until the job has proposed a verified fix (or the attempt failed).
  async proposeAndWait({ timeout = 45_000 } = {}) {
    await this.proposeFix.click();
    await expect(this.recoveryState).toHaveAttribute("data-state", /queued|running|proposed/);
    await expect(this.recoveryState).toHaveAttribute("data-state", /proposed|failed/, { timeout });
  }

  // Runs the preview: progress streams first, then the summary replaces it.
  async runPreviewAndWait({ timeout = 30_000 } = {}) {
    await this.runPreview.click();
    await expect(this.previewProgress.getByRole("progressbar")).toBeVisible();
    await expect(this.previewSummary).toBeVisible({ timeout });
    await expect(this.previewProgress).toHaveCount(0);
  }

  async deploy(note?: string) {
    await this.deployFix.click();
    await expect(this.deployDialog).toBeVisible();
    if (note) await this.deployDialog.getByTestId("deploy-note").fill(note);
    await this.confirmDeploy.click();
  }
}

// --- The failing group both fix review specs start from. ---

// A filter that assumes 20 candles of history: it throws on a short one.
export const failingFilter = (marker: string) => `// Breakout ${marker}
export default function filter({ candles }) {
  const reference = candles[candles.length - 20];
  return candles[candles.length - 1].close > reference.close;
}
`;

// The fix: one guard, written as a user types it into the editor (fixLines) or as a
// model answers it.
export const fixedFilter = (marker: string) => `// Breakout ${marker}
export default function filter({ candles }) {
  // Too little history to compare with: no signal rather than a crash.
  if (candles.length < 20) return false;
  const reference = candles[candles.length - 20];
  return candles[candles.length - 1].close > reference.close;
}
`;

export const fixLines = [
  "// Too little history to compare with: no signal rather than a crash.",
  "if (candles.length < 20) return false;",
];

const candle = (openTime: number, close: number) => ({
  openTime,
  open: close * 0.998,
  high: close * 1.004,
  low: close * 0.995,
  close,
  volume: 1_000,
  closeTime: openTime + 299_999,
});

export type FailingGroup = {
  groupId: string;
  traderId: string;
  /** Version 1, the failing code. */
  versionId: string;
  /** The executor's API key. */
  token: string;
  /** Reports the failure again, as run by `versionId` (a recurrence after a deploy). */
  reportFailure: (versionId: string) => Promise<string>;
};

// Its own trader (so other specs' groups stay as they are) whose version 1 fails on a
// three-candle history of `symbol`, reported by an executor with the version id and
// the inputs, as a real executor does.
export async function seedFailingGroup(
  db: Db,
  request: APIRequestContext,
  { marker, symbol = "BTCUSDT" }: { marker: string; symbol?: string },
): Promise<FailingGroup> {
  const user = await db.user.findUniqueOrThrow({
    where: { email: DEMO_TRADER_EMAIL },
    select: { id: true },
  });
  const trader = await createTrader(db, {
    userId: user.id,
    name: `Fix review ${marker}`,
    code: failingFilter(marker),
  });
  const versionId = trader.activeVersionId ?? "";
  const { token } = await seedApiKey(db, { userId: user.id, name: `Fix review ${marker}` });
  const start = Date.UTC(2026, 0, 5, 9, 0);
  const reportFailure = async (codeVersionId: string) => {
    const response = await request.post("/api/errors", {
      headers: { authorization: `Bearer ${token}` },
      data: {
        event_id: randomUUID(),
        trader_id: trader.id,
        code_version_id: codeVersionId,
        error_type: "runtime",
        error_message: `TypeError: Cannot read properties of undefined (reading 'close') ${marker}`,
        stack_trace:
          "TypeError: Cannot read properties of undefined (reading 'close')\n    at filter (filter.js:4:59)",
        trigger_interval: "5m",
        context: {
          symbol,
          interval: "5m",
          params: {},
          candles: [candle(start, 100), candle(start + 300_000, 101), candle(start + 600_000, 99)],
        },
      },
    });
    expect(response.status()).toBe(201);
    const body: { group_id: string } = await response.json();
    return body.group_id;
  };
  const groupId = await reportFailure(versionId);
  return { groupId, traderId: trader.id, versionId, token, reportFailure };
}
