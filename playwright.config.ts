import { defineConfig, devices } from "@playwright/test";

// Run through `npm run test:e2e` (scripts/e2e.mjs), which starts the built portal on a fresh database.
const baseURL = process.env.E2E_BASE_URL || "http://127.0.0.1:3100";
// The two widths the dashboard is checked at (also used by the screenshots config).
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // One worker: every spec shares the one portal and database the runner started.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // Debian's Chromium, never a downloaded browser.
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      // Every spec at the width merchants' staff use on a laptop.
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: DESKTOP },
      dependencies: ["setup"],
      testIgnore: /auth\.setup\.ts$/,
    },
    {
      // Only the width-dependent specs (menu, dialogs, accessibility) again at a phone's size: CI runs
      // the suite twice, so this project stays small.
      name: "phone",
      use: { ...devices["Desktop Chrome"], viewport: PHONE },
      dependencies: ["setup"],
      testMatch: /ui\/.*\.spec\.ts$/,
    },
  ],
});
