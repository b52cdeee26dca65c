import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startFakeImshop, type FakeImshop } from "../../tests/helpers/fake-imshop";

// Moderation at speed: row buttons, keyboard, the sticky bulk bar with its points, "approve and next",
// and two staff deciding one scan at once. Width-agnostic: every page is reached by URL.
const WEBHOOK_KEY = "test-webhook-key";
const DEMO_SHOE_GTIN = "04601234000017"; // the demo campaign: 200 points, manual moderation
const GS = "\u001d";

let fake: FakeImshop;
test.beforeAll(async () => {
  fake = await startFakeImshop({ port: 4010 });
});
test.afterAll(async () => {
  await fake.close();
});

const freshUser = () => `7916${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
const shoeCode = () => `01${DEMO_SHOE_GTIN}21${randomBytes(10).toString("base64url").slice(0, 13)}${GS}91EE06${GS}92${randomBytes(33).toString("base64")}`;
const pushesFor = (id: string) => fake.requests.filter((r) => (r.body as { id?: string } | null)?.id === id);

async function waitingScans(request: APIRequestContext, count: number) {
  const userId = freshUser();
  const base = Math.floor(Date.now() / 1000);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request.post("/api/imshop/scans", {
      headers: { authorization: `Bearer ${WEBHOOK_KEY}` },
      data: { barcode: shoeCode(), userId, timestamp: base + i },
    });
    expect(res.status()).toBe(200);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return { userId, ids };
}

test.describe("moderation at speed, as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("a waiting row is approved or denied with one click", async ({ page, request }) => {
    const { userId, ids } = await waitingScans(request, 2);
    await page.goto(`/scans?user=${userId}`);
    const table = page.getByTestId("scans-table");
    await table.locator(`tr[data-row-id="${ids[0]}"]`).getByTestId("row-approve").click();
    await expect(table.locator(`tr[data-row-id="${ids[0]}"]`).getByTestId("scan-status")).toHaveText("Начислено");
    await expect(table.locator(`tr[data-row-id="${ids[0]}"]`).getByTestId("row-approve")).toHaveCount(0);
    await table.locator(`tr[data-row-id="${ids[1]}"]`).getByTestId("row-deny").click();
    await expect(table.locator(`tr[data-row-id="${ids[1]}"]`).getByTestId("scan-status")).toHaveText("Отказано");
    await fake.waitFor(() => pushesFor(ids[0]).length === 1 && pushesFor(ids[1]).length === 1, 20_000);
  });

  test("keyboard: ? lists the keys, J/K move, X selects, the bulk bar sums the points, A approves", async ({ page, request }) => {
    const { userId, ids } = await waitingScans(request, 3);
    await page.goto(`/scans?user=${userId}&status=processing`);
    const table = page.getByTestId("scans-table");
    await expect(table.locator("tr[data-row-id]")).toHaveCount(3);

    // The rows are server-rendered before the page hydrates: the keys work once the script has started.
    await expect(async () => {
      await page.keyboard.press("?");
      await expect(page.getByTestId("shortcuts-dialog")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId("shortcuts-dialog")).toContainText("Следующая строка");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("shortcuts-dialog")).toHaveCount(0);

    const rows = table.locator("tr[data-row-id]");
    const top = await table.locator("thead").boundingBox();
    await page.keyboard.press("j");
    await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("x");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect(page.getByTestId("scans-selected-points")).toHaveText("Выбрано 2 сканирования · 400 бонусов");
    // The bar appears below the rows and sticks to the window: the table does not move.
    expect(await table.locator("thead").boundingBox()).toEqual(top);
    await expect(page.getByTestId("bulk-bar")).toHaveCSS("position", "sticky");

    // With a selection, A opens the bulk dialog for it.
    await page.keyboard.press("a");
    await expect(page.getByTestId("moderation-dialog")).toContainText("(2)");
    await page.getByTestId("moderation-confirm").click();
    await expect(rows).toHaveCount(1);

    // Without one, A decides the highlighted row at once; K moves back up.
    await page.keyboard.press("k");
    await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("d");
    await expect(rows).toHaveCount(0);
    await fake.waitFor(() => ids.every((id) => pushesFor(id).length === 1), 20_000);
  });

  test("approve and next opens the next waiting scan", async ({ page, request }) => {
    const { ids } = await waitingScans(request, 2);
    await page.goto(`/scans/${ids[1]}`);
    await page.getByTestId("scan-approve-next").click();
    await expect(page).not.toHaveURL(new RegExp(`/scans/${ids[1]}$`));
    await expect(page.getByTestId("scan-detail").getByTestId("scan-status")).toHaveText("На проверке");
    await page.goto(`/scans/${ids[1]}`);
    await expect(page.getByTestId("scan-detail").getByTestId("scan-status")).toHaveText("Начислено");
  });

  test("two staff decide one scan at once: the second is told who decided, nothing is credited or pushed twice", async ({ page, browser, request }) => {
    const { ids } = await waitingScans(request, 1);
    await page.goto(`/scans/${ids[0]}`);
    await expect(page.getByTestId("scan-deny-next")).toBeVisible();

    // An admin, in another browser, approves it first.
    const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
    const adminPage = await admin.newPage();
    await adminPage.goto(`/scans/${ids[0]}`);
    await adminPage.getByTestId("scan-approve-next").click();
    await expect(adminPage).not.toHaveURL(new RegExp(`/scans/${ids[0]}$`));
    await admin.close();

    // The staff member's page still shows it waiting; their denial loses.
    await page.getByTestId("scan-deny-next").click();
    await expect(page.getByTestId("moderation-conflict")).toContainText("admin@example.com");
    await expect(page).toHaveURL(new RegExp(`/scans/${ids[0]}$`));
    await expect(page.getByTestId("scan-detail").getByTestId("scan-status")).toHaveText("Начислено");
    await expect(page.getByTestId("client-balance")).toHaveText("200");
    await fake.waitFor(() => pushesFor(ids[0]).length === 1, 20_000);
    await page.waitForTimeout(1500);
    expect(pushesFor(ids[0])).toHaveLength(1);
  });
});
