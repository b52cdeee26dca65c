import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { startFakeImshop, type FakeImshop, type FakeRequest } from "../tests/helpers/fake-imshop";

// The portal started by scripts/e2e.mjs pushes order statuses to http://127.0.0.1:4010/order-status.
let fake: FakeImshop;

test.beforeAll(async () => {
  fake = await startFakeImshop({ port: 4010 });
  // IMSHOP answers with the order's own uuid (demo orders have one) and its status for the code.
  fake.respondWith((req: FakeRequest) => {
    const body = req.body as { id: string; code: string; message?: string };
    return { status: 200, body: { success: true, internalId: body.id, uuid: body.id, newStatus: body.code, imshopStatus: `imshop_${body.code}`, message: body.message ?? "" } };
  }, "/order-status");
});
test.afterAll(async () => {
  await fake?.close();
});

/** Opens the first order the list shows for a URL filter, and returns its number. */
async function openFirstOrder(page: Page, query: string): Promise<string> {
  await page.goto(`/orders?${query}`);
  const link = page.getByTestId("orders-table").getByTestId("order-link").first();
  const number = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByTestId("order-summary")).toBeVisible();
  return number;
}

test.describe("orders, signed in as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("filters the list through the URL", async ({ page }) => {
    await page.goto("/orders?status=shipped");
    const rows = page.getByTestId("orders-table").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const badge of await page.getByTestId("order-status").all()) await expect(badge).toContainText("shipped");
    await page.goto("/orders?q=Pegasus");
    await expect(page.getByTestId("orders-table")).toContainText("Pegasus");
  });

  test("changes an order's status, sees it in the timeline and the push answered by IMSHOP", async ({ page }) => {
    const number = await openFirstOrder(page, "status=confirmed");
    await page.getByTestId("change-status-code").selectOption("packed");
    await page.getByTestId("change-status-message").fill("Собран, ждёт курьера");
    await page.getByTestId("change-status-tracking").fill("https://www.cdek.ru/ru/tracking?order_id=1234567890");
    await page.getByTestId("change-status-submit").click();
    await expect(page.getByTestId("change-status-done")).toBeVisible();

    const change = page.getByTestId("timeline-change").last();
    await expect(change).toHaveAttribute("data-to-code", "packed");
    await expect(change).toContainText("Собран, ждёт курьера");
    await expect(change).toContainText("staff@example.com");
    await expect(page.getByTestId("order-status-message")).toHaveText("Собран, ждёт курьера");

    // The worker inside the portal delivers the push; IMSHOP's answer lands on the order.
    await fake.waitFor((reqs) => reqs.some((r) => r.path === "/order-status" && (r.body as { code?: string }).code === "packed"), 20_000);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("timeline-push").last()).toHaveAttribute("data-state", "delivered", { timeout: 1000 });
      await expect(page.getByTestId("order-imshop-status")).toHaveText("imshop_packed", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  });

  test("is told clearly that a final order cannot move", async ({ page }) => {
    await openFirstOrder(page, "status=delivered");
    await expect(page.getByTestId("final-status-note")).toBeVisible();
    const changesBefore = await page.getByTestId("timeline-change").count();
    await page.getByTestId("change-status-code").selectOption("new");
    await page.getByTestId("change-status-submit").click();
    await expect(page.getByTestId("change-status-error")).toContainText("финальном статусе");
    await page.reload();
    await expect(page.getByTestId("timeline-change")).toHaveCount(changesBefore);
  });

  test("reads the status list but cannot edit it", async ({ page }) => {
    await page.goto("/order-statuses");
    await expect(page.getByTestId("statuses-table")).toContainText("ready_for_pickup");
    await expect(page.getByTestId("status-new")).toHaveCount(0);
    await expect(page.getByTestId("status-edit")).toHaveCount(0);
    await expect(page.getByTestId("export-csv")).toBeVisible();
  });
});

test.describe("order statuses, signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("describes an unmapped code, edits a mapping and exports the list as JSON and CSV", async ({ page }) => {
    await page.goto("/order-statuses");
    const warning = page.getByTestId("unmapped-warning");
    const unmapped = warning.locator('[data-code="awaiting_courier"]');
    await expect(unmapped).toBeVisible();
    await unmapped.getByRole("button").first().click();
    const dialog = page.getByTestId("status-dialog");
    await expect(dialog.getByTestId("status-field-code")).toHaveValue("awaiting_courier");
    await dialog.getByTestId("status-field-description").fill("Ожидает курьера");
    await dialog.getByTestId("status-field-buyerText").fill("Передаём курьеру");
    await dialog.getByTestId("status-field-imshopStatus").fill("in_delivery");
    await dialog.getByTestId("status-save").click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('[data-testid="unmapped-code"][data-code="awaiting_courier"]')).toHaveCount(0);

    const row = page.locator('[data-testid="status-row"][data-code="returned"]');
    await row.getByTestId("status-edit").click();
    await expect(dialog.getByTestId("status-field-code")).toHaveAttribute("readonly", "");
    await dialog.getByTestId("status-field-imshopStatus").fill("return_accepted");
    await dialog.getByTestId("status-field-buyerText").fill("Возврат оформлен, деньги вернутся в течение 10 дней");
    await dialog.getByTestId("status-save").click();
    await expect(row.getByTestId("status-imshop")).toHaveText("return_accepted");
    await expect(row.getByTestId("status-buyer-text")).toHaveText("Возврат оформлен, деньги вернутся в течение 10 дней");

    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^order-statuses-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(await readFile((await jsonDownload.path())!, "utf8")) as { statuses: { code: string; imshopStatus: string | null }[] };
    expect(json.statuses.find((s) => s.code === "returned")).toMatchObject({ imshopStatus: "return_accepted", final: true });
    expect(json.statuses.find((s) => s.code === "awaiting_courier")).toMatchObject({ imshopStatus: "in_delivery" });

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await csvDownload.path())!, "utf8");
    expect(csv).toContain("code,description,buyerText,imshopStatus,cancellable,final,cancelTargetCode");
    expect(csv).toContain("packed,Собран,Готов к выдаче,ready_for_pickup,true,false,cancelled");
    expect(csv).toContain("returned,Возврат,\"Возврат оформлен, деньги вернутся в течение 10 дней\",return_accepted,false,true,");
  });

  test("sees a refusal when deleting a status orders are in", async ({ page }) => {
    await page.goto("/order-statuses");
    await page.locator('[data-testid="status-row"][data-code="new"]').getByTestId("status-delete").click();
    await page.getByTestId("confirm-ok").click();
    await expect(page.getByTestId("statuses-error")).toBeVisible();
    await expect(page.locator('[data-testid="status-row"][data-code="new"]')).toBeVisible();
  });
});
