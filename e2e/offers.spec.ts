import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";

// The portal started by scripts/e2e.mjs accepts IMSHOP's webhooks with this key (IMSHOP_WEBHOOK_KEY).
const WEBHOOK = { Authorization: "Bearer test-webhook-key" };
const tag = randomBytes(3).toString("hex").toUpperCase();
const segmentId = `E2E-SEG-${tag}`;
const offerId = `E2E-${tag}`;
const userInSegment = `e2e-user-${tag}`;

test.describe.configure({ mode: "serial" });

test.describe("offers, signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("creates a segment", async ({ page }) => {
    await page.goto("/segments");
    await page.getByTestId("segment-create-open").click();
    await page.locator("#segment-id").fill(segmentId);
    await page.locator("#segment-name").fill("E2E buyers");
    await page.getByTestId("segment-form-submit").click();
    await expect(page.getByTestId("segments-table")).toContainText(segmentId);
  });

  test("creates an offer targeted at the segment, with a live barcode preview", async ({ page }) => {
    await page.goto("/offers/new");
    await page.locator("#offer-id").fill(offerId);
    await page.locator("#offer-name").fill("E2E скидка 500 ₽");
    await page.locator("#offer-description").fill("Только для сегмента E2E");

    // The preview follows typing and explains what the chosen barcode cannot carry.
    await page.locator("#offer-barcodeType").selectOption("ean13");
    await page.locator("#offer-promocode").fill("E2E500");
    await expect(page.getByTestId("barcode-problem")).toContainText("EAN-13");
    await page.locator("#offer-barcodeType").selectOption("qr");
    const img = page.getByTestId("barcode-preview");
    await expect(img).toHaveAttribute("src", /type=qr&text=E2E500/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);

    await page.getByTestId("offer-targeting-segments").check();
    await page.getByTestId("offer-segments").getByLabel(new RegExp(segmentId)).check();
    await page.locator("#offer-expiresAt").fill("2099-12-31T23:59");
    await page.getByTestId("offer-form-submit").click();
    await expect(page).toHaveURL(new RegExp(`/offers/${offerId}$`));
    await expect(page.getByTestId("offer-status")).toBeVisible();
  });

  test("previews the offer for a user in the segment and explains the others", async ({ page }) => {
    await page.goto("/offers/preview");
    await page.getByTestId("preview-user").fill(userInSegment);
    await page.getByTestId("preview-segments").fill(`${segmentId}; E2E buyers`);
    await page.getByTestId("preview-submit").click();
    const json = page.getByTestId("preview-json");
    await expect(json).toContainText(`"id": "${offerId}"`);
    await expect(json).toContainText(`"promocode": "E2E500"`);
    await expect(json).toContainText(`"barcodeType": "qr"`);
    // The demo data's expired offer is listed as left out.
    await expect(page.locator('[data-testid="preview-excluded-row"][data-offer-id="SUMMER-2025"]')).toBeVisible();
  });

  test("the webhook returns the offer to a user in the segment only", async ({ request }) => {
    const inSegment = await request.post("/api/imshop/offers", {
      headers: WEBHOOK,
      data: { userId: userInSegment, segments: [{ id: segmentId, name: "E2E buyers" }] },
    });
    expect(inSegment.status()).toBe(200);
    const offers = (await inSegment.json()).offers as { id: string }[];
    expect(offers.find((o) => o.id === offerId)).toEqual({
      id: offerId,
      name: "E2E скидка 500 ₽",
      description: "Только для сегмента E2E",
      promocode: "E2E500",
      barcodeType: "qr",
      online: true,
      offline: true,
      used: false,
      expirationTimestamp: expect.any(Number),
    });

    const outside = await request.post("/api/imshop/offers", { headers: WEBHOOK, data: { userId: `other-${tag}`, segments: [] } });
    expect(((await outside.json()).offers as { id: string }[]).map((o) => o.id)).not.toContain(offerId);

    const wrongKey = await request.post("/api/imshop/offers", { headers: { Authorization: "Bearer nope" }, data: { userId: "x", segments: [] } });
    expect(wrongKey.status()).toBe(401);
  });

  test("the barcode route refuses text the type cannot carry", async ({ page }) => {
    await page.goto("/offers");
    const bad = await page.request.get("/offers/barcode?type=ean13&text=ABC");
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.fields.text).toMatch(/EAN-13/);
    const png = await page.request.get("/offers/barcode?type=code128&text=E2E500&format=png");
    expect(png.headers()["content-type"]).toBe("image/png");
  });
});

test.describe("offers, signed in as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("reads offers, cannot create them, and marks a code used", async ({ page, request }) => {
    await page.goto("/offers");
    await expect(page.getByTestId("offers-table")).toContainText("PROMO-1");
    await expect(page.getByTestId("offer-create-open")).toHaveCount(0);
    await page.goto("/offers/new");
    await expect(page).toHaveURL(/\/forbidden/);

    await page.goto(`/offers/${offerId}`);
    await expect(page.getByTestId("offer-summary")).toBeVisible();
    await page.getByTestId("redeem-user").fill(userInSegment);
    await page.getByTestId("redeem-submit").click();
    await expect(page.getByTestId("redeem-message")).toContainText("E2E500");
    await expect(page.getByTestId("offer-redemption").first()).toContainText(userInSegment);

    const res = await request.post("/api/imshop/offers", { headers: WEBHOOK, data: { userId: userInSegment, segments: [{ id: segmentId, name: "E2E buyers" }] } });
    const offer = ((await res.json()).offers as { id: string; used: boolean }[]).find((o) => o.id === offerId);
    expect(offer?.used).toBe(true);
  });
});
