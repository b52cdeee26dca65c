import { expect, test } from "@playwright/test";

// Demo data (prisma/seed/20-loyalty.ts): these points exist in every e2e database.
const POINT = "demo-point-central";
const OTHER_POINT = "demo-point-mall";

test.describe("loyalty, signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("creates a level, a client on it and an API key; a till call with the key succeeds", async ({ page, request }) => {
    const suffix = Date.now().toString(36);
    const levelTitle = `Платиновый ${suffix}`;
    const phoneDigits = `79${String(Date.now()).slice(-9)}`;

    await page.goto("/loyalty/levels");
    await page.getByTestId("level-create-open").click();
    const levelForm = page.getByTestId("level-form");
    await levelForm.locator("[name=title]").fill(levelTitle);
    await levelForm.locator("[name=type]").selectOption("cashback");
    await levelForm.locator("[name=percent]").fill("12");
    await levelForm.locator("[name=maxSpendPercent]").fill("40");
    await levelForm.getByTestId("form-submit").click();
    await expect(page.getByTestId("level-dialog")).toBeHidden();
    await expect(page.getByTestId("levels-table")).toContainText(levelTitle);

    await page.goto("/loyalty/clients");
    await page.getByTestId("client-create-open").click();
    const clientForm = page.getByTestId("client-form");
    await clientForm.locator("[name=name]").fill(`Покупатель ${suffix}`);
    await clientForm.locator("[name=phone]").fill(`+7 ${phoneDigits.slice(1, 4)} ${phoneDigits.slice(4, 7)}-${phoneDigits.slice(7, 9)}-${phoneDigits.slice(9)}`);
    await clientForm.locator("[name=levelId]").selectOption({ label: levelTitle });
    await clientForm.getByTestId("form-submit").click();
    await expect(page).toHaveURL(/\/loyalty\/clients\/[^/]+$/);
    const clientId = page.url().split("/").pop()!;

    await page.goto("/api-keys");
    await page.getByTestId("apikey-create-open").click();
    const keyForm = page.getByTestId("apikey-form");
    await keyForm.locator("[name=name]").fill(`Касса e2e ${suffix}`);
    await keyForm.getByTestId(`apikey-point-${POINT}`).check();
    await keyForm.getByTestId("form-submit").click();
    const key = await page.getByTestId("apikey-value").inputValue();
    expect(key).toMatch(/^ick_[A-Za-z0-9]{40}$/);
    await page.getByTestId("apikey-issued-close").click();
    // Shown once: the list has only the prefix, never the whole key.
    await expect(page.getByTestId("apikeys-table")).toContainText(`Касса e2e ${suffix}`);
    await expect(page.getByTestId("apikeys-table")).not.toContainText(key);

    const found = await request.post("/integration/general/client", { headers: { apikey: key }, data: { search: `8${phoneDigits.slice(1)}`, point: POINT } });
    expect(found.status()).toBe(200);
    const body = await found.json();
    expect(body.success).toBe(true);
    expect(body.client).toMatchObject({ id: clientId, phone: Number(phoneDigits), balance: 0 });
    expect(body.client.level).toMatchObject({ title: levelTitle, percent: 12, type: "cashback", maxSpendPercent: 40 });

    const retail = await request.post("/integration/general/retail", {
      headers: { apikey: key, "Idempotency-Key": `e2e-${suffix}` },
      data: { client: clientId, point: POINT, amount: 1000, spend: 0 },
    });
    expect(await retail.json()).toEqual({ success: true, retail: { amount: 1000, total: 1000, percent: 12, type: "cashback", earn: 120 } });

    // The key is bound to one point; other points are refused.
    const elsewhere = await request.post("/integration/general/recalc", { headers: { apikey: key }, data: { client: clientId, point: OTHER_POINT, amount: 100 } });
    expect(elsewhere.status()).toBe(422);
    expect(await elsewhere.json()).toEqual({ point: "Point not found." });

    // The admin sees the purchase on the client's card and refunds it: the earned points are taken back.
    await page.goto(`/loyalty/clients/${clientId}`);
    await expect(page.getByTestId("client-balance-available")).toHaveText("120");
    await page.getByTestId("client-operations").getByTestId("operation-refund").click();
    await page.getByTestId("refund-dialog").getByTestId("form-submit").click();
    await expect(page.getByTestId("client-operations").getByTestId("operation-refunded")).toBeVisible();
    await expect(page.getByTestId("client-balance-available")).toHaveText("0");

    // Revoked, the key stops working at once.
    await page.goto("/api-keys");
    await page.locator(`tr:has-text("Касса e2e ${suffix}")`).getByTestId("apikey-revoke").click();
    await page.getByTestId("apikey-revoke-confirm").click();
    await expect(page.locator(`tr:has-text("Касса e2e ${suffix}")`).getByTestId("apikey-revoke")).toHaveCount(0);
    const revoked = await request.post("/integration/general/client", { headers: { apikey: key }, data: { search: phoneDigits, point: POINT } });
    expect(revoked.status()).toBe(401);
    expect(await revoked.json()).toEqual({ apikey: "Invalid API key." });
  });
});

test.describe("loyalty, signed in as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("reads clients but cannot export them, change anything or reach API keys", async ({ page }) => {
    await page.goto("/loyalty/clients?q=Иван");
    await expect(page.getByTestId("clients-table")).toContainText("Иван Петров");
    await expect(page.getByTestId("client-create-open")).toHaveCount(0);
    await expect(page.getByTestId("clients-import-open")).toHaveCount(0);

    // The whole base's personal data at once is for admins only.
    await expect(page.getByTestId("clients-export")).toHaveCount(0);
    const csv = await page.request.get("/loyalty/clients/export?q=Иван");
    expect(csv.status()).toBe(403);

    await page.getByTestId("client-link").first().click();
    await expect(page.getByTestId("client-balance")).toBeVisible();
    await expect(page.getByTestId("adjust-form")).toHaveCount(0);

    await page.goto("/loyalty/operations");
    await expect(page.getByTestId("operations-table")).toBeVisible();
    await expect(page.getByTestId("operation-refund")).toHaveCount(0);

    await page.goto("/api-keys");
    await expect(page).toHaveURL(/\/forbidden/);
  });
});
