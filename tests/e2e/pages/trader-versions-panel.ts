import { expect, type Locator, type Page } from "@playwright/test";
import { TraderDetailPage } from "@/tests/e2e/pages/traders-page";

export const AUTO_ROLLBACK_LABEL =
  "Roll back automatically if the error recurs while a fix is watched";

// The trader page's recovery controls on top of its version history: the
// auto-rollback switch, activations with their reasons, and a full manual rollback.
export class TraderVersionsPanel extends TraderDetailPage {
  readonly autoRollbackSwitch: Locator;

  constructor(page: Page) {
    super(page);
    this.autoRollbackSwitch = page.getByRole("switch", { name: AUTO_ROLLBACK_LABEL });
  }

  async enableAutoRollback() {
    await this.autoRollbackSwitch.check();
    await expect(this.autoRollbackSwitch).toBeChecked();
    // Saved: the switch is no longer waiting on the action.
    await expect(this.autoRollbackSwitch).not.toHaveAttribute("aria-busy", "true");
  }

  // The reason an activation of `version` records ("Reason: …").
  deploymentReason(version: Locator, kind: "deploy" | "rollback" | "auto_rollback"): Locator {
    return this.deployments(version, kind).getByTestId("version-deployment-reason");
  }

  // Rolls back to `number` through the confirm dialog, with a reason.
  async rollbackTo(number: number, reason: string): Promise<void> {
    await this.openRollback(number);
    await this.rollbackReason().fill(reason);
    await this.confirmRollback();
    await expect(this.rollbackDialog).toBeHidden();
  }
}
