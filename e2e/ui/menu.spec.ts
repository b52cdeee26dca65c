import { expect, test } from "@playwright/test";
import { isPhone } from "./widths";

test.use({ storageState: "e2e/.auth/admin.json" });

test.describe("the menu on a phone", () => {
  test.beforeEach(({ page }) => test.skip(!isPhone(page), "the drawer exists below the lg breakpoint only"));

  test("opens as a full-height drawer, navigates and closes on a link, Escape and an outside tap", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("overview")).toBeVisible();
    const open = page.getByTestId("mobile-nav-open");
    const drawer = page.getByTestId("mobile-nav");

    await open.click();
    await expect(drawer).toBeVisible();
    // Not squeezed into the header: the drawer spans the screen's height.
    const box = await drawer.boundingBox();
    expect(box?.height).toBeGreaterThan(800);
    await drawer.getByTestId("nav-orders").click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(drawer).toHaveCount(0);
    await expect(page.getByTestId("orders-table")).toBeVisible();

    await open.click();
    await expect(drawer).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(drawer).toHaveCount(0);
    await expect(open).toBeFocused();

    await open.click();
    await expect(drawer).toBeVisible();
    // A tap on the dimmed page beside the drawer.
    await page.mouse.click(380, 400);
    await expect(drawer).toHaveCount(0);

    // Deeper pages too, then back home through the menu.
    await open.click();
    await drawer.getByTestId("nav-loyalty-clients").click();
    await expect(page).toHaveURL(/\/loyalty\/clients$/);
    await open.click();
    await drawer.getByTestId("nav-overview").click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("overview")).toBeVisible();
  });
});

test("the skip link takes keyboard users past the menu to the page", async ({ page }) => {
  await page.goto("/scans");
  await page.keyboard.press("Tab");
  const skip = page.getByTestId("skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
