import { expect, test } from "@playwright/test";
import { DETAIL_PAGES, LIST_PAGES, firstDetailPath } from "./ui/dashboard-pages";

// Run by `npm run screenshots` (playwright.screenshots.config.ts), never by `npm test`.
test.use({ storageState: "e2e/.auth/admin.json" });
test.describe.configure({ timeout: 300_000 });

const fileName = (path: string) => (path === "/" ? "overview" : path.slice(1).replace(/[^a-z0-9]+/gi, "-"));

test("every dashboard page", async ({ page }, info) => {
  const dir = `screenshots/${info.project.name}`;
  const paths: string[] = [...LIST_PAGES];
  for (const detail of DETAIL_PAGES) {
    const path = await firstDetailPath(page, detail);
    if (path) paths.push(path);
  }
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    // Charts draw after they measure their box.
    if (path === "/") await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    const name = fileName(LIST_PAGES.includes(path as (typeof LIST_PAGES)[number]) ? path : path.replace(/\/[^/]+$/, "/detail"));
    await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  }
  if ((page.viewportSize()?.width ?? 1440) < 1024) {
    await page.goto("/");
    await page.getByTestId("mobile-nav-open").click();
    await expect(page.getByTestId("mobile-nav")).toBeVisible();
    await page.screenshot({ path: `${dir}/menu-open.png` });
  }
});
