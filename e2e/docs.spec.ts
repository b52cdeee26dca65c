import { expect, test } from "@playwright/test";

test.describe("API reference, signed out", () => {
  test("is readable without signing in and loads nothing from another origin", async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.on("request", (req) => {
      if (new URL(req.url()).origin !== new URL(baseURL!).origin) foreign.push(req.url());
    });
    await page.goto("/docs");
    await expect(page).toHaveURL(/\/docs$/);
    await expect(page.getByTestId("api-docs")).toContainText("/integration/general/retail");
    await expect(page.getByTestId("api-docs")).toContainText("Idempotency-Key");
    expect(await page.getByTestId("docs-endpoint").count()).toBeGreaterThanOrEqual(12);
    await page.getByTestId("openapi-download").click();
    await expect(page.locator("body")).toContainText('"openapi":"3.1.0"');
    expect(foreign).toEqual([]);
  });
});

test.describe("API reference links, signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  for (const from of ["/settings/imshop", "/api-keys"]) {
    test(`${from} links to it`, async ({ page }) => {
      await page.goto(from);
      await page.getByTestId("api-docs-link").click();
      await expect(page).toHaveURL(/\/docs$/);
      await expect(page.getByTestId("api-docs")).toBeVisible();
    });
  }
});
