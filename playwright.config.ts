import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";
import {
  E2E_PORT,
  isEmbeddedE2eDatabase,
  resolveE2eDatabaseUrl,
} from "./tests/e2e/support/e2e-database";
import {
  E2E_NO_LLM_BASE_URL,
  E2E_NO_LLM_PORT,
  resolveNoLlmDatabaseUrl,
} from "./tests/e2e/support/e2e-llm-server";

// Workers inherit these, so they reach the same database as the web server.
process.env.E2E_DATABASE_URL = resolveE2eDatabaseUrl();
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
// The server without an AI provider has a database of its own (specs that use it seed there).
const noLlmDatabaseUrl = resolveNoLlmDatabaseUrl(
  process.env.E2E_DATABASE_URL,
  isEmbeddedE2eDatabase(),
);
process.env.E2E_NO_LLM_DATABASE_URL = noLlmDatabaseUrl;

// `npx playwright install` cannot download browsers here: use Debian's chromium.
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const baseURL = `http://127.0.0.1:${E2E_PORT}`;

const webServer = {
  command: "npx tsx tests/e2e/support/e2e-server.ts",
  timeout: 180_000,
  reuseExistingServer: false,
  stdout: "pipe",
  stderr: "pipe",
  gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
} as const;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "desktop-chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  // The same build twice: the main server with a scripted fake AI provider, and one
  // without any (for the "no LLM configured" path: tests/e2e/fix-review.spec.ts).
  webServer: [
    {
      ...webServer,
      url: `${baseURL}/api/auth/providers`,
      env: { E2E_LLM: "fake" },
    },
    {
      ...webServer,
      url: `${E2E_NO_LLM_BASE_URL}/api/auth/providers`,
      env: {
        E2E_LLM: "off",
        E2E_PORT: String(E2E_NO_LLM_PORT),
        E2E_DATABASE_URL: noLlmDatabaseUrl,
        DATABASE_URL: noLlmDatabaseUrl,
      },
    },
  ],
});
