import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startFakeImshop, type FakeImshop } from "../tests/helpers/fake-imshop";

// The portal started by scripts/e2e.mjs accepts IMSHOP's webhooks with the key "test-webhook-key" and
// pushes scan statuses to the fake IMSHOP on port 4010. The demo campaign "Весна: обувь и одежда"
// (200 points, manual moderation) lists GTIN 04601234000017.
const WEBHOOK_KEY = "test-webhook-key";
const DEMO_SHOE_GTIN = "04601234000017";
const GS = "\u001d";

let fake: FakeImshop;
test.beforeAll(async () => {
  fake = await startFakeImshop({ port: 4010 });
});
test.afterAll(async () => {
  await fake.close();
});

const freshUser = () => `7915${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
const serial = () => randomBytes(10).toString("base64url").slice(0, 13);
const shoeCode = (gtin: string) => `01${gtin}21${serial()}${GS}91EE06${GS}92${randomBytes(33).toString("base64")}`;

async function registerScan(request: APIRequestContext, body: { barcode: string; userId: string; timestamp: number }) {
  const res = await request.post("/api/imshop/scans", { headers: { authorization: `Bearer ${WEBHOOK_KEY}` }, data: body });
  expect(res.status()).toBe(200);
  return (await res.json()) as { success: boolean; id: string; status: string; alertTitle?: string; statusMessage?: string };
}

const pushesFor = (id: string) => fake.requests.filter((r) => (r.body as { id?: string } | null)?.id === id);

test.describe("scan moderation, signed in as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("staff approve and deny scans; IMSHOP receives every status; the client's balance follows", async ({ page, request }) => {
    const userId = freshUser();
    const base = Math.floor(Date.now() / 1000);
    const scans: { id: string; barcode: string; timestamp: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const barcode = shoeCode(DEMO_SHOE_GTIN);
      const answer = await registerScan(request, { barcode, userId, timestamp: base + i });
      expect(answer).toMatchObject({ success: true, status: "processing", statusMessage: "На проверке" });
      scans.push({ ...answer, barcode, timestamp: base + i });
    }

    // Bulk approval from the queue, with a template message.
    await page.goto(`/scans?user=${userId}&status=processing`);
    const table = page.getByTestId("scans-table");
    await expect(table.locator("tr[data-row-id]")).toHaveCount(3);
    await table.locator(`tr[data-row-id="${scans[0].id}"]`).getByRole("checkbox").check();
    await table.locator(`tr[data-row-id="${scans[1].id}"]`).getByRole("checkbox").check();
    await expect(page.getByTestId("scans-selected")).toContainText("2");
    await page.getByTestId("bulk-approve").click();
    await page.getByTestId("moderation-template").selectOption("Начислено {points} бонусов");
    await page.getByTestId("moderation-confirm").click();
    await expect(page.getByTestId("moderation-dialog")).toHaveCount(0);
    await expect(table.locator("tr[data-row-id]")).toHaveCount(1);
    await expect(table.locator(`tr[data-row-id="${scans[2].id}"]`)).toBeVisible();

    await fake.waitFor(() => pushesFor(scans[0].id).length === 1 && pushesFor(scans[1].id).length === 1, 20_000);
    for (const s of scans.slice(0, 2)) {
      const [push] = pushesFor(s.id);
      expect(push.path).toBe("/scan-status");
      expect(push.headers.authorization).toBe("Bearer test-outbound-key");
      expect(push.body).toEqual({ id: s.id, userId, code: s.barcode, timestamp: s.timestamp, status: "approved", statusMessage: "Начислено 200 бонусов" });
    }

    // Denial of the third from its page, with a typed message.
    await page.goto(`/scans/${scans[2].id}`);
    const detail = page.getByTestId("scan-detail");
    await expect(detail.getByTestId("scan-status")).toHaveText("На проверке");
    await page.getByTestId("scan-deny").click();
    await page.getByTestId("moderation-message").fill("Чек не найден в системе магазина");
    await page.getByTestId("moderation-confirm").click();
    await expect(detail.getByTestId("scan-status")).toHaveText("Отказано");
    await expect(page.getByTestId("scan-answer")).toContainText("Чек не найден в системе магазина");
    await fake.waitFor(() => pushesFor(scans[2].id).length === 1, 20_000);
    expect(pushesFor(scans[2].id)[0].body).toMatchObject({ status: "denied", statusMessage: "Чек не найден в системе магазина" });

    // Two approvals of 200 points each went to the client created for this IMSHOP user.
    await page.goto(`/scans/${scans[0].id}`);
    await expect(page.getByTestId("client-balance")).toHaveText("400");
    await expect(page.getByTestId("scan-ledger")).toContainText("+200");

    // Denying an approved scan reverses its credit and pushes the newer status.
    await page.getByTestId("scan-deny").click();
    await page.getByTestId("moderation-confirm").click();
    await expect(page.getByTestId("scan-detail").getByTestId("scan-status")).toHaveText("Отказано");
    await expect(page.getByTestId("client-balance")).toHaveText("200");
    await expect(page.getByTestId("scan-ledger")).toContainText("-200");
    await fake.waitFor(() => pushesFor(scans[0].id).length === 2, 20_000);
    expect(pushesFor(scans[0].id)[1].body).toMatchObject({ status: "denied", statusMessage: "Отказано в начислении бонусов" });

    // The loyalty client's own page shows the balance too.
    await page.getByTestId("scan-client").getByRole("link").click();
    await expect(page).toHaveURL(/\/loyalty\/clients\//);
    await expect(page.getByTestId("client-balance-available")).toContainText("200");

    // The app's history answers the new statuses, newest first.
    const history = await request.post("/api/imshop/scans/history", { headers: { authorization: `Bearer ${WEBHOOK_KEY}` }, data: { userId } });
    expect(await history.json()).toEqual({
      scans: [
        { id: scans[2].id, code: scans[2].barcode, timestamp: scans[2].timestamp, status: "denied", statusMessage: "Чек не найден в системе магазина" },
        { id: scans[1].id, code: scans[1].barcode, timestamp: scans[1].timestamp, status: "approved", statusMessage: "Начислено 200 бонусов" },
        { id: scans[0].id, code: scans[0].barcode, timestamp: scans[0].timestamp, status: "denied", statusMessage: "Отказано в начислении бонусов" },
      ],
    });
  });

  test("the queue filters by code and shows the decoded marking code", async ({ page, request }) => {
    const barcode = shoeCode(DEMO_SHOE_GTIN);
    const { id } = await registerScan(request, { barcode, userId: freshUser(), timestamp: Math.floor(Date.now() / 1000) });
    const base64 = Buffer.from(barcode).toString("base64");
    await page.goto(`/scans?code=${encodeURIComponent(base64)}`);
    await expect(page.getByTestId("scans-table").locator("tr[data-row-id]")).toHaveCount(1);
    await page.getByTestId("scans-table").getByTestId("scan-link").click();
    await expect(page).toHaveURL(new RegExp(`/scans/${id}$`));
    await expect(page.getByTestId("scan-decoded")).toContainText(DEMO_SHOE_GTIN);
    await expect(page.getByTestId("scan-decoded")).toContainText("EE06");
    // Element names come from the catalogue, not the parser's identifiers.
    await expect(page.getByTestId("scan-decoded")).toContainText("Серийный номер");
    await expect(page.getByTestId("scan-decoded")).not.toContainText("serial");
  });

  test("staff read campaigns but cannot create them", async ({ page }) => {
    await page.goto("/campaigns");
    await expect(page.getByTestId("campaigns-table")).toContainText("Весна: обувь и одежда");
    await expect(page.getByTestId("campaign-new")).toHaveCount(0);
    await page.getByTestId("campaign-link").filter({ hasText: "Весна: обувь и одежда" }).click();
    await expect(page.getByTestId("campaign-save")).toHaveCount(0);
    await page.goto("/campaigns/new");
    await expect(page).toHaveURL(/\/forbidden/);
  });
});

test.describe("campaigns, signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("admin creates a campaign, imports GTINs from CSV, and its products' scans reach the queue", async ({ page, request }) => {
    const gtinBody = `0460${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
    const check = (body: string) => {
      let sum = 0;
      for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
      return String((10 - (sum % 10)) % 10);
    };
    const first = `${gtinBody}${check(gtinBody)}`;
    const secondBody = `${gtinBody.slice(0, -1)}${(Number(gtinBody.slice(-1)) + 1) % 10}`;
    const second = `${secondBody}${check(secondBody)}`;
    const name = `E2E ${randomBytes(3).toString("hex")}`;

    await page.goto("/campaigns/new");
    await page.locator('input[name="name"]').fill(name);
    await page.locator('input[name="bonusPoints"]').fill("75");
    await page.getByTestId("campaign-gtins").fill(`${first}\n4601234567890`);
    await page.getByTestId("campaign-save").click();
    await expect(page.getByTestId("error-gtins")).toContainText("4601234567890: неверная контрольная цифра, ожидается 3.");
    await page.getByTestId("campaign-gtins").fill(first);
    await page.getByTestId("texts-processing").click();
    await page.getByTestId("text-processing.ru.alertTitle").fill("Спасибо, проверим!");
    await page.getByTestId("campaign-save").click();
    await expect(page.getByTestId("gtin-import")).toBeVisible();
    await expect(page).toHaveURL(/\/campaigns\/(?!new$)[^/]+$/);
    const campaignId = page.url().split("/").pop()!;

    await page.getByTestId("gtin-import-file").setInputFiles({
      name: "gtins.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`name;gtin\nБотинки;${second}\nКеды;4601234567890\n`),
    });
    await page.getByTestId("gtin-import-submit").click();
    await expect(page.getByTestId("gtin-import-result")).toContainText("Добавлено: 1");
    await expect(page.getByTestId("gtin-import-result")).toContainText("Строка 3: 4601234567890: неверная контрольная цифра, ожидается 3.");
    await expect(page.getByTestId("campaign-gtins")).toHaveValue(new RegExp(second.slice(1)));

    const answer = await registerScan(request, { barcode: shoeCode(second), userId: freshUser(), timestamp: Math.floor(Date.now() / 1000) });
    expect(answer).toMatchObject({ success: true, status: "processing" });
    expect(answer).toMatchObject({ alertTitle: "Спасибо, проверим!", statusMessage: "На проверке" });
    await page.goto(`/scans?campaign=${campaignId}`);
    await expect(page.getByTestId("scans-table").locator(`tr[data-row-id="${answer.id}"]`)).toBeVisible();
  });
});
