import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN, STAFF, signIn, submitSignIn } from "./helpers/sign-in";

test.describe("signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("sees the whole menu, including Users and Audit log", async ({ page }) => {
    await page.goto("/");
    // The overview is the dashboard's home.
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("overview")).toBeVisible();
    await expect(page.getByTestId("nav-overview")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("current-user-email")).toHaveText(ADMIN.email);
    await expect(page.getByTestId("nav-users")).toBeVisible();
    await expect(page.getByTestId("nav-audit")).toBeVisible();
    await page.goto("/users");
    await expect(page.getByTestId("users-table")).toContainText(STAFF.email);
  });

  test("reads the audit log in words: actions and entity types by name, not by code", async ({ page }) => {
    await page.goto(`/audit?action=auth.sign_in&actor=${encodeURIComponent(ADMIN.email)}`);
    const table = page.getByTestId("audit-table");
    await expect(table.getByTestId("audit-action").first()).toBeVisible();
    await expect(table).toContainText("Вход в кабинет");
    await expect(table).toContainText("Пользователь");
    await expect(table).not.toContainText("auth.sign_in");
  });
});

test.describe("signed in as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("is refused the Users and Audit pages and does not see them in the menu", async ({ page }) => {
    await page.goto("/scans");
    await expect(page.getByTestId("current-user-email")).toHaveText(STAFF.email);
    await expect(page.getByTestId("nav-scans")).toBeVisible();
    await expect(page.getByTestId("nav-users")).toHaveCount(0);
    await expect(page.getByTestId("nav-audit")).toHaveCount(0);

    await page.goto("/users");
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByTestId("users-table")).toHaveCount(0);

    await page.goto("/audit");
    await expect(page).toHaveURL(/\/forbidden$/);
  });
});

test.describe("signing in and out", () => {
  test("a visitor who is not signed in is sent to sign-in, and back to the page asked for afterwards", async ({ page }) => {
    await page.goto("/users");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fusers$/);
    await page.goto("/loyalty/clients?q=ivan");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Floyalty%2Fclients%3Fq%3Divan$/);
    await page.getByTestId("sign-in-email").fill(STAFF.email);
    await page.getByTestId("sign-in-password").fill(STAFF.password);
    await page.getByTestId("sign-in-submit").click();
    await expect(page).toHaveURL(/\/loyalty\/clients\?q=ivan$/);
    await expect(page.getByTestId("current-user-email")).toHaveText(STAFF.email);
  });

  test("a wrong password is refused", async ({ page }) => {
    await submitSignIn(page, STAFF.email, "not-the-password");
    await expect(page.getByTestId("sign-in-error-credentials")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    // The overview (/) is where sign-in leads anyway, so the URL carries no callback.
    await expect(page).toHaveURL(/\/sign-in$/);
    // The right password still works (and clears the failure count for the next runs).
    await signIn(page, STAFF.email, STAFF.password);
  });

  test("too many failures for an e-mail from one address are refused, and the form says so", async ({ page }) => {
    test.slow();
    const email = `locked-${randomUUID()}@example.com`;
    for (let i = 0; i < 5; i++) {
      await submitSignIn(page, email, "wrong");
      await expect(page.getByTestId("sign-in-error-credentials")).toBeVisible();
    }
    await submitSignIn(page, email, "wrong");
    await expect(page.getByTestId("sign-in-error-throttled")).toBeVisible();
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, STAFF.email, STAFF.password);
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    // The overview (/) is where sign-in leads anyway, so the URL carries no callback.
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test("admin creates a user who then signs in and switches the language to English", async ({ browser }) => {
  // Three sign-ins (each a bcrypt check) and a user creation: longer than one page visit.
  test.slow();
  const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;
  const password = "new-user-password";

  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/users");
  await adminPage.getByTestId("user-create-open").click();
  const form = adminPage.getByTestId("user-form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="name"]').fill("E2E Staff");
  await form.locator('select[name="role"]').selectOption("staff");
  await form.locator('input[name="password"]').fill(password);
  await adminPage.getByTestId("user-form-submit").click();
  await expect(adminPage.getByTestId("user-create-dialog")).toHaveCount(0);
  await expect(adminPage.getByTestId("users-table")).toContainText(email);

  // The same e-mail again is refused on the e-mail field.
  await adminPage.getByTestId("user-create-open").click();
  await form.locator('input[name="email"]').fill(email.toUpperCase());
  await form.locator('input[name="password"]').fill(password);
  await adminPage.getByTestId("user-form-submit").click();
  await expect(adminPage.getByTestId("user-form-error-email")).toBeVisible();
  await admin.close();

  const user = await browser.newContext();
  const page = await user.newPage();
  await signIn(page, email, password);
  await expect(page.getByTestId("nav-users")).toHaveCount(0);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByTestId("nav-scans")).toHaveText("Сканирования");

  await page.getByTestId("language-en").click();
  await expect(page.getByTestId("nav-scans")).toHaveText("Scans");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("sign-out")).toHaveText(/Sign out/);
  // Saved on the account: it survives signing out and in again.
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.context().clearCookies();
  await signIn(page, email, password);
  await expect(page.getByTestId("nav-scans")).toHaveText("Scans");
  await user.close();
});
