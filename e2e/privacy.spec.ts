import { expect, test } from "@playwright/test";

const POINT = "demo-point-central";

test.describe("personal data, signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("an API key with a request limit gets 429 with Retry-After past it", async ({ page, request }) => {
    const suffix = Date.now().toString(36);
    await page.goto("/api-keys");
    await page.getByTestId("apikey-create-open").click();
    const keyForm = page.getByTestId("apikey-form");
    await keyForm.locator("[name=name]").fill(`Лимит e2e ${suffix}`);
    await keyForm.getByTestId("apikey-rate-limit").fill("2");
    await keyForm.getByTestId("form-submit").click();
    const key = await page.getByTestId("apikey-value").inputValue();
    const call = () => request.post("/integration/general/client", { headers: { apikey: key }, data: { search: "79990000000", point: POINT } });
    expect((await call()).status()).not.toBe(429);
    expect((await call()).status()).not.toBe(429);
    const third = await call();
    expect(third.status()).toBe(429);
    expect(Number(third.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  });

  test("erases a client's personal data on request, keeping the balance", async ({ page }) => {
    const suffix = Date.now().toString(36);
    const phoneDigits = `79${String(Date.now()).slice(-9)}`;
    await page.goto("/loyalty/clients");
    await page.getByTestId("client-create-open").click();
    const clientForm = page.getByTestId("client-form");
    await clientForm.locator("[name=name]").fill(`Стереть ${suffix}`);
    await clientForm.locator("[name=phone]").fill(`+${phoneDigits}`);
    await clientForm.getByTestId("form-submit").click();
    await expect(page).toHaveURL(/\/loyalty\/clients\/[^/]+$/);
    await expect(page.locator("h1")).toContainText(`Стереть ${suffix}`);

    await page.getByTestId("client-erase").click();
    await page.getByTestId("confirm-ok").click();
    await expect(page.getByTestId("client-erased")).toBeVisible();
    await expect(page.locator("h1")).not.toContainText(`Стереть ${suffix}`);
    await expect(page.getByTestId("client-balance")).toBeVisible();
    await page.goto(`/loyalty/clients?q=${phoneDigits}`);
    await expect(page.getByTestId("clients-table")).not.toContainText(`Стереть ${suffix}`);
  });
});
