import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { STAFF, signIn } from "./helpers/sign-in";

/** Collects the browser's CSP violation reports on a page, so a blocked script fails the test. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP that Next's scripts satisfy, and cannot be framed", async ({ page }) => {
    const violations = watchCsp(page);
    const res = await page.goto("/sign-in");
    const headers = res!.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Plain http here: no HSTS (it is sent only over https).
    expect(headers["strict-transport-security"]).toBeUndefined();
    // A fresh nonce on every answer.
    const again = await page.request.get("/sign-in");
    expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
    // The form is interactive, so the nonce reached Next's scripts: signing in works under the CSP.
    await signIn(page, STAFF.email, STAFF.password);
    await page.goto("/loyalty/clients");
    await expect(page.getByTestId("current-user-email")).toHaveText(STAFF.email);
    expect(violations).toEqual([]);
  });

  test("API answers carry the static headers too", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
  });
});

test.describe("sign-in redirect", () => {
  for (const callback of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/scans", "/%0A/evil.example", "/%0D/evil.example"]) {
    test(`does not leave the portal for callbackUrl=${callback}`, async ({ page, baseURL }) => {
      await page.goto(`/sign-in?callbackUrl=${callback}`);
      await page.getByTestId("sign-in-email").fill(STAFF.email);
      await page.getByTestId("sign-in-password").fill(STAFF.password);
      await page.getByTestId("sign-in-submit").click();
      await expect(page.getByTestId("current-user-email")).toHaveText(STAFF.email);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page).toHaveURL(/\/$/);
    });
  }
});

test("sign out everywhere ends the user's sessions on every device", async ({ browser }) => {
  test.slow();
  const email = `everywhere-${randomUUID().slice(0, 8)}@example.com`;
  const password = "everywhere-password";
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/users");
  await adminPage.getByTestId("user-create-open").click();
  const form = adminPage.getByTestId("user-form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('select[name="role"]').selectOption("staff");
  await form.locator('input[name="password"]').fill(password);
  await adminPage.getByTestId("user-form-submit").click();
  await expect(adminPage.getByTestId("users-table")).toContainText(email);
  await admin.close();

  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const phonePage = await phone.newPage();
  const laptopPage = await laptop.newPage();
  await signIn(phonePage, email, password);
  await signIn(laptopPage, email, password);

  await laptopPage.getByTestId("sign-out-everywhere").click();
  await laptopPage.getByTestId("confirm-ok").click();
  await expect(laptopPage).toHaveURL(/\/sign-in/);
  // The phone's cookie is still there, but its session version is stale.
  await phonePage.goto("/orders");
  await expect(phonePage).toHaveURL(/\/sign-in\?callbackUrl=%2Forders$/);
  // Signing in again works.
  await signIn(phonePage, email, password);
  await phone.close();
  await laptop.close();
});
