import type { Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signInAsDemo(email: string, callbackPath = "/errors") {
    await this.page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
    await this.page.getByTestId(`demo-sign-in-${email}`).click();
    await this.page.waitForURL((url) => url.pathname === callbackPath);
  }
}
