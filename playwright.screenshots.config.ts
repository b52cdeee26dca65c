import { defineConfig, devices } from "@playwright/test";
import base, { DESKTOP, PHONE } from "./playwright.config";

// `npm run screenshots`: every dashboard page at both widths into screenshots/ (git-ignored), for
// reviewing the UI by eye. Not part of `npm test`: it asserts only that each page renders.
export default defineConfig({
  ...base,
  reporter: [["list"]],
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: DESKTOP }, dependencies: ["setup"], testMatch: /\.shots\.ts$/ },
    { name: "phone", use: { ...devices["Desktop Chrome"], viewport: PHONE }, dependencies: ["setup"], testMatch: /\.shots\.ts$/ },
  ],
});
