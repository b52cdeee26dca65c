import { randomBytes, randomInt } from "node:crypto";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";

// The header search (Ctrl+K): a phone in any format, an order number, a marking code, a name — Enter opens
// the page. Width-agnostic: the shortcut and the header button work at any width.
const WEBHOOK_KEY = "test-webhook-key";
const GS = "\u001d";

async function sql<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function search(page: Page, query: string) {
  await page.keyboard.press("Control+k");
  const input = page.getByTestId("global-search-input");
  await expect(input).toBeFocused();
  await input.fill(query);
  await expect(page.getByTestId("global-search-hit").first()).toBeVisible();
}

test.describe("global search, as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("a phone, an order number, a marking code and a name lead straight to their pages", async ({ page, request }) => {
    const tag = randomBytes(3).toString("hex");
    const phone = `79${String(randomInt(100_000_000, 999_999_999))}`;
    const clientId = `e2e-client-${tag}`;
    const orderId = `e2e-order-${tag}`;
    const number = `E2E-${tag.toUpperCase()}-${randomInt(1000, 9999)}`;
    await sql(async (c) => {
      await c.query(
        `INSERT INTO "LoyaltyClient" (id, name, phone, "levelId", "updatedAt") SELECT $1, $2, $3, id, now() FROM "LoyaltyLevel" LIMIT 1`,
        [clientId, `Ольга Поисковая${tag}`, phone],
      );
      await c.query(`INSERT INTO "Order" (id, "internalId", "statusCode", "orderCreatedAt", "updatedAt") VALUES ($1, $2, 'new', now(), now())`, [orderId, number]);
    });
    const code = `0104601234000017` + `21${randomBytes(10).toString("base64url").slice(0, 13)}${GS}91EE06${GS}92${randomBytes(33).toString("base64")}`;
    const registered = await request.post("/api/imshop/scans", {
      headers: { authorization: `Bearer ${WEBHOOK_KEY}` },
      data: { barcode: code, userId: phone, timestamp: Math.floor(Date.now() / 1000) },
    });
    const scanId = ((await registered.json()) as { id: string }).id;

    await page.goto("/scans");
    const m = phone.match(/^7(\d{3})(\d{3})(\d{2})(\d{2})$/) ?? [];
    await search(page, `8 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}`);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/loyalty/clients/${clientId}$`));

    await search(page, number);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));

    await search(page, code);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/scans/${scanId}$`));

    await page.getByTestId("global-search-open").click();
    await page.getByTestId("global-search-input").fill(`поисковая${tag}`);
    await page.getByTestId("global-search-hit").filter({ hasText: `Ольга Поисковая${tag}` }).click();
    await expect(page).toHaveURL(new RegExp(`/loyalty/clients/${clientId}$`));
  });
});
