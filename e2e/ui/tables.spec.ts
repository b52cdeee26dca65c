import { randomInt } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";

// Tables: "1–N of M" with the page-size choice, tab counts that follow the other filters, sorting by a
// column an index serves, one date format, and a filter bar that fits one row at 1440 px.
const WEBHOOK_KEY = "test-webhook-key";

test.describe("tables, as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("the scan queue: totals, filtered tab counts, page size, sorting and the date format", async ({ page, request }) => {
    const userId = `7919${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
    const base = Math.floor(Date.now() / 1000);
    const ids: string[] = [];
    // Three codes naming no product: denied at once, so the user's tabs read 0 / 0 / 3.
    for (let i = 0; i < 3; i++) {
      const res = await request.post("/api/imshop/scans", {
        headers: { authorization: `Bearer ${WEBHOOK_KEY}` },
        data: { barcode: `no product ${userId} ${i}`, userId, timestamp: base + i },
      });
      ids.push(((await res.json()) as { id: string }).id);
    }

    await page.goto(`/scans?user=${userId}`);
    await expect(page.getByTestId("table-range")).toHaveText("1–3 из 3");
    await expect(page.getByTestId("scans-tab-count-all")).toHaveText("3");
    await expect(page.getByTestId("scans-tab-count-processing")).toHaveText("0");
    await expect(page.getByTestId("scans-tab-count-denied")).toHaveText("3");
    // The tab keeps the user filter, and its count still reads the user's scans.
    await page.getByTestId("scans-tab-processing").click();
    await expect(page).toHaveURL(/status=processing/);
    await expect(page).toHaveURL(new RegExp(`user=${userId}`));
    await expect(page.getByTestId("scans-tab-count-denied")).toHaveText("3");
    await expect(page.getByTestId("table-range")).toHaveText("0–0 из 0");

    await page.goto(`/scans?user=${userId}`);
    const rows = page.getByTestId("scans-table").locator("tr[data-row-id]");
    await expect(rows.first()).toHaveAttribute("data-row-id", ids[2]);
    await expect(rows.first().getByTestId("scan-link")).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    await page.getByTestId("sort-time").click();
    await expect(page).toHaveURL(/order=asc/);
    await expect(rows.first()).toHaveAttribute("data-row-id", ids[0]);
    await expect(page.getByTestId("scans-table").locator("th[aria-sort=ascending]")).toHaveCount(1);

    await page.getByTestId("page-size").selectOption("25");
    await expect(page).toHaveURL(/size=25/);
    await expect(page.getByTestId("page-size")).toHaveValue("25");
    await expect(rows).toHaveCount(3);
  });

  test("orders and deliveries show their totals too, and sort oldest first", async ({ page }) => {
    const tag = `TOT${randomInt(100_000, 999_999)}`;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      for (let i = 0; i < 2; i++) {
        await client.query(
          `INSERT INTO "Order" (id, "internalId", "statusCode", "orderCreatedAt", "updatedAt") VALUES ($1, $2, 'new', now() - $3 * interval '1 minute', now())`,
          [`e2e-${tag}-${i}`, `${tag}-${i}`, i],
        );
      }
    } finally {
      await client.end();
    }
    await page.goto(`/orders?q=${tag}`);
    await expect(page.getByTestId("table-range")).toHaveText("1–2 из 2");
    const rows = page.getByTestId("orders-table").locator("tr[data-row-id]");
    await expect(rows.first()).toHaveAttribute("data-row-id", `e2e-${tag}-0`);
    await page.getByTestId("sort-time").click();
    await expect(rows.first()).toHaveAttribute("data-row-id", `e2e-${tag}-1`);
    await page.goto("/deliveries");
    await expect(page.getByTestId("table-range")).toHaveText(/^1–\d+ из ~?[\d\s\u00a0\u202f]+$/);
  });

  test("the scan filters fit one row at 1440 px", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/scans");
    const bar = page.getByTestId("filter-bar");
    const fields = bar.locator("label");
    const first = await fields.first().boundingBox();
    const last = await bar.getByRole("button").last().boundingBox();
    expect(first && last && Math.abs(first.y + first.height - (last.y + last.height))).toBeLessThan(4);
  });
});
