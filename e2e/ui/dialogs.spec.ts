import { expect, test } from "@playwright/test";

test.use({ storageState: "e2e/.auth/admin.json" });

test("the confirm dialog replaces the browser's, keeps focus inside and gives it back", async ({ page }) => {
  // A browser confirm() would show up here; none may.
  page.on("dialog", (d) => {
    throw new Error(`unexpected browser dialog: ${d.message()}`);
  });
  await page.goto("/order-statuses");
  const remove = page.locator('[data-testid="status-row"][data-code="new"]').getByTestId("status-delete");
  await remove.click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("role", "dialog");
  await expect(dialog.getByTestId("confirm-message")).toContainText("new");
  await expect(dialog.getByTestId("confirm-ok")).toBeFocused();
  // Tabbing cycles among the dialog's own controls, never out to the page behind it.
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  // Cancelled: the status is still there.
  await expect(page.locator('[data-testid="status-row"][data-code="new"]')).toBeVisible();

  await remove.click();
  await dialog.getByTestId("confirm-cancel").click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-testid="status-row"][data-code="new"]')).toBeVisible();
});

test("a form dialog traps focus, closes on Escape and on an outside click, and returns focus", async ({ page }) => {
  await page.goto("/segments");
  const open = page.getByTestId("segment-create-open");
  await open.click();
  const dialog = page.getByTestId("segment-dialog");
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Shift+Tab");
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toHaveCount(0);
  // The close button is named in the page's language.
  await open.click();
  await expect(dialog.getByRole("button", { name: "Закрыть" })).toBeVisible();
});
