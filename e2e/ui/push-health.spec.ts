import { randomBytes, randomInt } from "node:crypto";
import pg from "pg";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startFakeImshop, type FakeImshop } from "../../tests/helpers/fake-imshop";

// Push health where staff work: rejected pushes counted and labelled in the header, the connection alert
// for staff too, delivery rows naming the scan (linked) with IMSHOP's refusal inline, audit entries and
// ledger lines linking to the scan they describe. Width-agnostic: pages are opened by URL.
const WEBHOOK_KEY = "test-webhook-key";
const DEMO_SHOE_GTIN = "04601234000017";
const GS = "\u001d";

let fake: FakeImshop;
test.beforeAll(async () => {
  fake = await startFakeImshop({ port: 4010 });
});
test.afterAll(async () => {
  fake.respondWith(204, "/scan-status");
  await fake.close();
});

async function sql<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function waitingScan(request: APIRequestContext, userId: string) {
  const barcode = `01${DEMO_SHOE_GTIN}21${randomBytes(10).toString("base64url").slice(0, 13)}${GS}91EE06${GS}92${randomBytes(33).toString("base64")}`;
  const res = await request.post("/api/imshop/scans", {
    headers: { authorization: `Bearer ${WEBHOOK_KEY}` },
    data: { barcode, userId, timestamp: Math.floor(Date.now() / 1000) + randomInt(0, 1000) },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

const deliveryState = (scanId: string) =>
  sql(async (c) => (await c.query<{ state: string }>(`SELECT state FROM "Delivery" WHERE "entityId" = $1`, [scanId])).rows[0]?.state);

test.describe("push health, as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("two pushes IMSHOP refuses with 404: counted as rejected, and each row names its scan with the reason", async ({ page, request }) => {
    fake.respondWith({ status: 404, body: { error: "scan not found" } }, "/scan-status");
    const userId = `7917${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
    const ids = [await waitingScan(request, userId), await waitingScan(request, userId)];
    await page.goto(`/scans?user=${userId}`);
    for (const id of ids) {
      await page.getByTestId("scans-table").locator(`tr[data-row-id="${id}"]`).getByTestId("row-approve").click();
      await expect(page.getByTestId("scans-table").locator(`tr[data-row-id="${id}"]`).getByTestId("row-approve")).toHaveCount(0);
    }
    await expect(async () => expect(await Promise.all(ids.map(deliveryState))).toEqual(["failed", "failed"])).toPass({ timeout: 20_000 });
    fake.respondWith(204, "/scan-status");

    await page.goto(`/deliveries?entityId=${ids[0]}`);
    const counter = page.getByTestId("delivery-count-failed");
    await expect(counter).not.toHaveText(/^[01]\D*$/);
    await expect(counter).toHaveAttribute("aria-label", /IMSHOP отклонил/);
    const row = page.getByTestId("deliveries-table").locator("tr[data-row-id]").first();
    await expect(row.getByTestId("delivery-failure")).toContainText("HTTP 404");
    await expect(row.getByTestId("delivery-failure")).toContainText("Причина:");
    await row.getByTestId("delivery-subject").click();
    await expect(page).toHaveURL(new RegExp(`/scans/${ids[0]}$`));

    // The ledger line of the credit links back to the scan.
    await page.getByTestId("scan-client").getByRole("link").click();
    await expect(page).toHaveURL(/\/loyalty\/clients\//);
    await page.getByTestId("client-ledger").getByTestId("ledger-link").first().click();
    await expect(page).toHaveURL(/\/scans\//);
  });

  test("staff see the connection alert when IMSHOP refuses the key", async ({ page }) => {
    await sql((c) =>
      c.query(`INSERT INTO "Circuit" (kind, "configAlert", "updatedAt") VALUES ('order_status', 'IMSHOP answered 401', now())
               ON CONFLICT (kind) DO UPDATE SET "configAlert" = EXCLUDED."configAlert"`),
    );
    try {
      await page.goto("/scans");
      const alert = page.getByTestId("delivery-config-alert");
      await expect(alert).toHaveAttribute("aria-label", "Ошибка подключения к IMSHOP");
      await alert.click();
      await expect(page).toHaveURL(/\/deliveries\?state=failed/);
    } finally {
      await sql((c) => c.query(`UPDATE "Circuit" SET "configAlert" = NULL WHERE kind = 'order_status'`));
    }
  });
});

test.describe("audit links, as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("an audit entry links to the scan it describes", async ({ page, request }) => {
    const id = await waitingScan(request, `7918${String(randomInt(0, 10_000_000)).padStart(7, "0")}`);
    await page.goto(`/scans/${id}`);
    await page.getByTestId("scan-approve-next").click();
    await expect(page).not.toHaveURL(new RegExp(`/scans/${id}$`));
    await page.goto(`/audit?entityType=Scan&entityId=${id}`);
    await page.getByTestId("audit-table").getByTestId("audit-entity-link").first().click();
    await expect(page).toHaveURL(new RegExp(`/scans/${id}$`));
  });
});
