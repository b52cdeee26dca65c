import pg from "pg";
import { expect, test, type Page } from "@playwright/test";

// scripts/e2e.mjs shares its DATABASE_URL with this process: the spec reads what the overview should show.
async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Drops the worker's snapshot so the next view computes it from what is in the database now. */
const forgetSnapshot = () => query(`DELETE FROM "OverviewSnapshot"`);

async function switchLanguage(page: Page, locale: "ru" | "en") {
  await page.getByTestId(`language-${locale}`).click();
  await expect(page.getByTestId(`language-${locale}`)).toHaveAttribute("aria-pressed", "true");
}

test.describe("the overview, signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("shows the queue, the 30-day charts, orders, pushes and campaigns from the database", async ({ page }) => {
    await forgetSnapshot();
    const [{ waiting }] = await query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM "Scan" WHERE status = 'processing'`);
    const [{ orders }] = await query<{ orders: number }>(`SELECT count(*)::int AS orders FROM "Order"`);
    await page.goto("/");
    await expect(page.getByTestId("overview")).toBeVisible();
    if (waiting > 0) {
      await expect(page.getByTestId("overview-waiting-count")).toContainText(String(waiting));
      await expect(page.getByTestId("overview-waiting-oldest")).toBeVisible();
    }
    await page.getByTestId("overview-waiting-open").click();
    await expect(page).toHaveURL(/\/scans\?status=processing$/);
    await page.goBack();

    const decisions = page.getByTestId("overview-decisions-chart");
    await expect(decisions.locator("svg.recharts-surface").first()).toBeVisible();
    // Thirty days on the axis, in the page's language (Russian for this admin).
    await expect(decisions.locator(".recharts-legend-wrapper")).toContainText("Одобрено");
    await expect(decisions.locator(".recharts-legend-wrapper")).toContainText("Начислено бонусов");
    await expect(page.getByTestId("overview-points-chart").locator(".recharts-legend-wrapper")).toContainText("Списано");
    // Day ticks in the Russian format (05.11).
    await expect(decisions.locator("svg.recharts-surface text").filter({ hasText: /^\d{2}\.\d{2}$/ }).first()).toBeVisible();

    if (orders > 0) {
      const ordersChart = page.getByTestId("overview-orders-chart");
      await expect(ordersChart.locator(".recharts-bar-rectangle").first()).toBeVisible();
      await ordersChart.locator("svg.recharts-surface").first().focus();
      await expect(ordersChart.locator(".recharts-tooltip-wrapper")).toContainText("Заказы : ");
    }
    await expect(page.getByTestId("overview-push-delivered")).toBeVisible();
    await expect(page.getByTestId("overview-circuit-scan_status")).toBeVisible();
    await expect(page.getByTestId("overview-top-campaigns")).toBeVisible();

    // English axes and tooltips for an English-speaking user; the admin is put back to Russian after.
    try {
      await switchLanguage(page, "en");
      await expect(decisions.locator(".recharts-legend-wrapper")).toContainText("Approved");
      await expect(decisions.locator(".recharts-legend-wrapper")).toContainText("Bonuses credited");
      await expect(decisions.locator("svg.recharts-surface text").filter({ hasText: /^\d{2}\/\d{2}$/ }).first()).toBeVisible();
      // The orders chart's tooltip, in English (focus opens it: recharts' keyboard layer).
      const ordersChart = page.getByTestId("overview-orders-chart");
      if (orders > 0) {
        // A fresh page, as for the Russian check: after the switch's refresh the chart keeps its old keyboard state.
        await page.reload();
        await expect(ordersChart.locator(".recharts-bar-rectangle").first()).toBeVisible();
        await ordersChart.locator("svg.recharts-surface").first().focus();
        await expect(ordersChart.locator(".recharts-tooltip-wrapper")).toContainText("Orders : ");
      }
    } finally {
      await switchLanguage(page, "ru");
    }
  });

  test("lists what is missing from the IMSHOP connection until it is set", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("overview")).toBeVisible();
    // scripts/e2e.mjs configures every URL and key: nothing to finish.
    await expect(page.getByTestId("overview-setup")).toHaveCount(0);

    await page.goto("/settings/imshop");
    await page.locator("[name=clearOutboundKey]").check();
    await page.getByTestId("imshop-settings-save").click();
    await expect(page.getByTestId("imshop-settings-message")).toBeVisible();
    try {
      await page.goto("/");
      const setup = page.getByTestId("overview-setup");
      await expect(setup).toBeVisible();
      await expect(page.getByTestId("overview-setup-outboundKey")).toHaveAttribute("data-done", "false");
      await expect(page.getByTestId("overview-setup-scanStatusUrl")).toHaveAttribute("data-done", "true");
      await page.getByTestId("overview-setup-open").click();
      await expect(page).toHaveURL(/\/settings\/imshop$/);
    } finally {
      await page.goto("/settings/imshop");
      await page.locator("[name=outboundKey]").fill("test-outbound-key");
      await page.getByTestId("imshop-settings-save").click();
      await expect(page.getByTestId("imshop-settings-message")).toHaveAttribute("role", "status");
    }
    await page.goto("/");
    await expect(page.getByTestId("overview")).toBeVisible();
    await expect(page.getByTestId("overview-setup")).toHaveCount(0);
  });

  test("settings show durations in seconds and minutes and store milliseconds", async ({ page }) => {
    const [before] = await query<{ timeoutMs: number; backoffMaxMs: number }>(`SELECT "timeoutMs", "backoffMaxMs" FROM "ImshopSettings" WHERE id = 1`);
    await page.goto("/settings/imshop");
    const timeout = page.locator("[name=timeoutSeconds]");
    await expect(timeout).toHaveValue(String(before.timeoutMs / 1000));
    await expect(page.locator("[name=backoffMaxMinutes]")).toHaveValue(String(before.backoffMaxMs / 60_000));
    await expect(page.getByText("Тайм-аут запроса, секунды")).toBeVisible();
    try {
      await timeout.fill("7.5");
      await page.getByTestId("imshop-settings-save").click();
      await expect(page.getByTestId("imshop-settings-message")).toHaveAttribute("role", "status");
      const [after] = await query<{ timeoutMs: number }>(`SELECT "timeoutMs" FROM "ImshopSettings" WHERE id = 1`);
      expect(after.timeoutMs).toBe(7500);
      await page.reload();
      await expect(page.locator("[name=timeoutSeconds]")).toHaveValue("7.5");

      await page.locator("[name=timeoutSeconds]").fill("0");
      await page.getByTestId("imshop-settings-save").click();
      await expect(page.getByTestId("settings-error-timeoutSeconds")).toBeVisible();
    } finally {
      await page.goto("/settings/imshop");
      await page.locator("[name=timeoutSeconds]").fill(String(before.timeoutMs / 1000));
      await page.getByTestId("imshop-settings-save").click();
      await expect(page.getByTestId("imshop-settings-message")).toHaveAttribute("role", "status");
    }
  });
});

test("staff see the overview but never the setup checklist, which admins then see", async ({ browser }) => {
  const [saved] = await query<{ key: string | null }>(`SELECT "outboundKeyEncrypted" AS key FROM "ImshopSettings" WHERE id = 1`);
  const staff = await browser.newContext({ storageState: "e2e/.auth/staff.json" });
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  try {
    await query(`UPDATE "ImshopSettings" SET "outboundKeyEncrypted" = NULL WHERE id = 1`);
    const staffPage = await staff.newPage();
    await staffPage.goto("/");
    await expect(staffPage.getByTestId("overview")).toBeVisible();
    await expect(staffPage.getByTestId("nav-overview")).toHaveAttribute("aria-current", "page");
    await expect(staffPage.getByTestId("overview-setup")).toHaveCount(0);
    const adminPage = await admin.newPage();
    await adminPage.goto("/");
    await expect(adminPage.getByTestId("overview-setup-outboundKey")).toHaveAttribute("data-done", "false");
  } finally {
    await query(`UPDATE "ImshopSettings" SET "outboundKeyEncrypted" = $1 WHERE id = 1`, [saved.key]);
    await staff.close();
    await admin.close();
  }
});
