import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { getDb } from "@/lib/db";
import { deployCode } from "@/lib/deploy/deploy-code-version";
import { DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";
import { TraderDetailPage } from "@/tests/e2e/pages/traders-page";
import { createDemoExecutor, type DemoExecutor } from "@/tests/e2e/support/demo-executor";

// The demo trader's active version, and a newer one deployed on top of it (as an
// edit would be), so that there is something to roll back. Other specs may have
// deployed to this trader already: version numbers are read, never assumed.
async function deployNewerVersion(executor: DemoExecutor) {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { email: DEMO_TRADER_EMAIL },
    select: { id: true },
  });
  const { activeVersion } = await db.trader.findUniqueOrThrow({
    where: { id: executor.traderId },
    select: { activeVersion: { select: { id: true, version: true, code: true } } },
  });
  if (!activeVersion) throw new Error("The demo trader has no active version.");
  const marker = `e2e-${randomUUID().slice(0, 8)}`;
  const deployed = await deployCode({
    userId: user.id,
    traderId: executor.traderId,
    code: `// ${marker}: skip thin volume\n${activeVersion.code}`,
    source: "user",
    note: `Volume guard (${marker})`,
  });
  return { previous: activeVersion, newer: deployed.version, marker };
}

async function fetchExecutorCode(
  request: APIRequestContext,
  executor: DemoExecutor,
  headers: Record<string, string> = {},
) {
  return request.get(`/api/executor/traders/${executor.traderId}/code`, {
    headers: { authorization: `Bearer ${executor.token}`, ...headers },
  });
}

test("a trader rolls back to an older code version after reviewing the diff", async ({
  page,
  request,
}, testInfo) => {
  const executor = await createDemoExecutor("Trader versions e2e");
  const { previous, newer, marker } = await deployNewerVersion(executor);
  const reason = `Volume guard skips every breakout (${marker})`;
  const before = await fetchExecutorCode(request, executor);
  expect(before.status()).toBe(200);
  expect((await before.json()).version_id).toBe(newer.id);
  const etagBefore = before.headers().etag ?? "";

  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, `/traders/${executor.traderId}`);
  const trader = new TraderDetailPage(page);
  const newerItem = trader.version(newer.version);
  const previousItem = trader.version(previous.version);
  await expect(trader.activeBadge(newerItem)).toBeVisible();
  await expect(trader.activeBadge(previousItem)).toHaveCount(0);
  await expect(newerItem.getByTestId("version-note")).toHaveText(`Volume guard (${marker})`);
  await expect(trader.deployments(newerItem, "deploy")).toContainText(`Deployed by Dana Trader`);
  await expect(trader.deployments(newerItem, "deploy")).toContainText(`from v${previous.version}`);
  // The active version has nothing to roll back to.
  await expect(newerItem.getByTestId("rollback-button")).toHaveCount(0);

  const diff = await trader.openRollback(previous.version);
  // The executor would lose the marker line: the diff names both sides and shows it.
  await expect(diff).toContainText(`v${newer.version} (active now)`);
  await expect(diff).toContainText(`v${previous.version} (after the rollback)`);
  await expect(diff).toContainText(marker);
  await expect(trader.rollbackReason()).toHaveAttribute(
    "placeholder",
    `Manual rollback to v${previous.version}`,
  );
  await trader.rollbackReason().fill(reason);
  await page.screenshot({ path: testInfo.outputPath("trader-versions.png") });
  await trader.confirmRollback();

  await expect(trader.rollbackDialog).toBeHidden();
  await expect(trader.activeBadge(previousItem)).toBeVisible();
  await expect(trader.activeBadge(newerItem)).toHaveCount(0);
  await expect(trader.activeVersion).toContainText(`v${previous.version}`);
  const rollback = trader.deployments(previousItem, "rollback").filter({ hasText: reason });
  await expect(rollback).toHaveCount(1);
  await expect(rollback).toContainText("Rolled back to this version by Dana Trader");
  await expect(rollback).toContainText(`from v${newer.version}`);
  // Focus lands on the history (the clicked button is gone), and rolling forward is offered.
  await expect(page.getByRole("heading", { name: "Code versions" })).toBeFocused();
  await expect(newerItem.getByTestId("rollback-button")).toBeVisible();

  // The executor's next poll gets the old version byte for byte; its old ETag is stale.
  const after = await fetchExecutorCode(request, executor, { "if-none-match": etagBefore });
  expect(after.status()).toBe(200);
  expect(await after.json()).toMatchObject({
    trader_id: executor.traderId,
    version_id: previous.id,
    version: previous.version,
    code: previous.code,
  });
  expect(after.headers().etag).not.toBe(etagBefore);
});

test("the version history's code viewer shows a version's code on demand", async ({ page }) => {
  const executor = await createDemoExecutor("Trader versions viewer e2e");
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL, `/traders/${executor.traderId}`);
  const trader = new TraderDetailPage(page);
  const first = trader.version(1);
  await first.getByTestId("version-code").getByText("View code").click();
  await expect(first.getByTestId("code-viewer")).toBeVisible();
  await expect(first.getByTestId("code-viewer")).toContainText("filter");
});
