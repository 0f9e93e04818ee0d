import type { Locator, Page } from "@playwright/test";

// The bell renders twice (sidebar on laptops, top bar on phones) with one shown per
// width: every locator here targets the visible one.
export class NotificationsMenu {
  readonly bell: Locator;
  readonly badge: Locator;
  readonly menu: Locator;
  readonly items: Locator;
  readonly unreadItems: Locator;

  constructor(page: Page) {
    this.bell = page.getByTestId("notification-bell").filter({ visible: true });
    this.badge = this.bell.getByTestId("notification-unread-badge");
    this.menu = page.getByTestId("notification-menu");
    this.items = this.menu.getByTestId("notification-item");
    this.unreadItems = this.menu.locator('[data-testid="notification-item"][data-unread="true"]');
  }

  async unreadCount(): Promise<number> {
    if ((await this.badge.count()) === 0) return 0;
    return Number((await this.badge.textContent())?.trim());
  }

  async open() {
    await this.bell.click();
    await this.menu.waitFor();
  }

  async close() {
    await this.menu.press("Escape");
    await this.menu.waitFor({ state: "hidden" });
  }

  async markAllRead() {
    await this.menu.getByTestId("notification-mark-all-read").click();
  }

  async viewAll() {
    await this.menu.getByTestId("notification-view-all").click();
  }
}
