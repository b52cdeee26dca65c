import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@example.com", password: "admin12345" };
export const STAFF = { email: "staff@example.com", password: "staff12345" };

/** Fills the sign-in form; does not wait for the outcome. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
}

/** Signs in through the UI and waits until the dashboard shows the user. */
export async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page.getByTestId("current-user-email")).toHaveText(email);
}
