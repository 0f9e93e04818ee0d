import { expect, type Page, test } from "@playwright/test";
import { getDb } from "@/lib/db";
import { DEMO_ADMIN_EMAIL, DEMO_TRADER_EMAIL } from "@/prisma/seed-demo";
import { ErrorDetailPage } from "@/tests/e2e/pages/error-detail-page";
import { SignInPage } from "@/tests/e2e/pages/sign-in-page";

const MOMENTUM_ERROR = "Cannot read properties of undefined (reading 'close')";

test.afterAll(async () => {
  await getDb().$disconnect();
});

async function findMomentumGroupId(): Promise<string> {
  const group = await getDb().errorGroup.findFirstOrThrow({
    where: { user: { email: DEMO_TRADER_EMAIL }, title: { contains: MOMENTUM_ERROR } },
    select: { id: true },
  });
  return group.id;
}

// Everything the page loads must come from this server (Monaco included): no CDN.
function recordForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (!["127.0.0.1", "localhost"].includes(url.hostname)) foreign.push(request.url());
  });
  return foreign;
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a trader opens a group from /errors, reads its trace and code, and resolves it", async ({
  page,
}) => {
  const foreignRequests = recordForeignRequests(page);
  const consoleMessages: string[] = [];
  page.on("console", (message) => consoleMessages.push(message.text()));
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));

  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  // From the inbox by keyboard, the way a triaging user moves through it.
  const inboxLink = page.getByTestId("error-group-title").filter({ hasText: MOMENTUM_ERROR });
  await inboxLink.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/errors\/[0-9a-f-]{36}$/);
  const detail = new ErrorDetailPage(page);
  await expect(detail.title).toContainText(MOMENTUM_ERROR);
  // This server has a (fake) model configured: the fix can be asked for.
  await expect(detail.recoveryPanel.getByRole("button", { name: "Propose a fix" })).toBeEnabled();

  // The filter's own frame is highlighted; the executor's is not.
  await expect(detail.inAppFrames).toHaveCount(1);
  await expect(detail.inAppFrames).toContainText("at filter (filter.js:9:98)");
  await expect(detail.runtimeFrames).toContainText("executor/run-filter.ts");

  // Monaco shows the event's code version with line 9 marked.
  await expect(detail.editor).toBeVisible();
  await expect(detail.codeViewer).toHaveAttribute("data-marked-line", "9");
  await expect(detail.markedLine).toHaveCount(1);
  const failingLine = detail.editorLine("return last.close > high");
  await expect(failingLine).toBeVisible();
  const [markBox, lineBox] = await Promise.all([
    detail.markedLine.boundingBox(),
    failingLine.boundingBox(),
  ]);
  expect(Math.abs((markBox?.y ?? -100) - (lineBox?.y ?? 100))).toBeLessThan(2);
  expect(foreignRequests).toEqual([]);
  // A read-only viewer runs no worker-backed feature, so Monaco never needs one.
  expect(workers).toEqual([]);
  expect(consoleMessages.filter((text) => /web worker/i.test(text))).toEqual([]);

  // Charts and inputs.
  await expect(detail.occurrenceChart).toHaveAttribute("data-range", "48h");
  await page.getByTestId("occurrence-range-30d").click();
  await expect(detail.occurrenceChart).toHaveAttribute("data-range", "30d");
  await expect(page.getByTestId("occurrence-summary")).toContainText(
    /\d+ events in the last 30 days/,
  );
  await detail.events.first().getByTestId("group-event-toggle").click();
  const inputs = detail.events.first().getByTestId("event-inputs");
  await expect(inputs).toContainText("Candles (3)");
  await expect(inputs).toContainText("volumeFactor");

  const note = `Guarded short histories ${Date.now()}`;
  await detail.changeStatus("resolved", note);
  await expect(detail.status).toContainText("Resolved");
  const latest = detail.activity.first();
  await expect(latest).toContainText("Dana Trader");
  await expect(latest).toContainText(note);
  await expect(latest).toHaveAttribute("data-kind", "status_changed");
  await expect(latest.locator("[data-status]")).toHaveText(["Unresolved", "Resolved"]);
  await expect(page.getByTestId("status-action-resolved")).toHaveCount(0);

  // Reopen, which also leaves the demo data as other specs expect it.
  await detail.changeStatus("unresolved");
  await expect(detail.status).toContainText("Unresolved");
  await expect(detail.activity.first().locator("[data-status]")).toHaveText([
    "Resolved",
    "Unresolved",
  ]);
  expect(foreignRequests).toEqual([]);
});

test("another user's group is not found", async ({ page }) => {
  const groupId = await findMomentumGroupId();
  await new SignInPage(page).signInAsDemo(DEMO_ADMIN_EMAIL);
  // A real 404, not a "not found" message streamed inside a 200.
  const response = await page.goto(`/errors/${groupId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("error-group-not-found")).toBeVisible();
  await expect(page.getByText(MOMENTUM_ERROR)).toHaveCount(0);
});

test("the detail page fits a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const groupId = await findMomentumGroupId();
  await new SignInPage(page).signInAsDemo(DEMO_TRADER_EMAIL);
  const detail = new ErrorDetailPage(page);
  await detail.open(groupId);
  await expect(detail.editor).toBeVisible();
  await expect(detail.markedLine).toHaveCount(1);
  await expectNoHorizontalOverflow(page);
  await detail.events.first().getByTestId("group-event-toggle").click();
  await expect(detail.events.first().getByTestId("event-inputs")).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
