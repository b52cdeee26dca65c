import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DETAIL_PAGES, LIST_PAGES, firstDetailPath } from "./dashboard-pages";
import { isPhone } from "./widths";

test.use({ storageState: "e2e/.auth/admin.json" });

/** axe's serious and critical findings on what the page shows now, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

test.describe("no serious or critical accessibility violations", () => {
  // Twenty-odd pages, each loaded and analysed.
  test.describe.configure({ timeout: 180_000 });

  test("on every list and form page", async ({ page }) => {
    const found: Record<string, string[]> = {};
    for (const path of LIST_PAGES) {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      const v = await seriousViolations(page);
      if (v.length) found[path] = v;
    }
    expect(found).toEqual({});
  });

  test("on every detail page", async ({ page }) => {
    const found: Record<string, string[]> = {};
    for (const detail of DETAIL_PAGES) {
      const path = await firstDetailPath(page, detail);
      expect(path, `a row to open on ${detail.list}`).not.toBeNull();
      await page.goto(path!);
      await expect(page.locator("main h1").first()).toBeVisible();
      const v = await seriousViolations(page);
      if (v.length) found[path!] = v;
    }
    expect(found).toEqual({});
  });

  test("with the menu drawer or a dialog open", async ({ page }) => {
    await page.goto("/segments");
    if (isPhone(page)) {
      await page.getByTestId("mobile-nav-open").click();
      await expect(page.getByTestId("mobile-nav")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
    }
    await page.getByTestId("segment-create-open").click();
    await expect(page.getByTestId("segment-dialog")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
