import { test as setup } from "@playwright/test";
import { ADMIN, STAFF, signIn } from "./helpers/sign-in";

// Signed-in browser states for the specs: test.use({ storageState: "e2e/.auth/admin.json" }).
for (const [name, user] of [["admin", ADMIN], ["staff", STAFF]] as const) {
  setup(`sign in as ${name}`, async ({ page }) => {
    await signIn(page, user.email, user.password);
    await page.context().storageState({ path: `e2e/.auth/${name}.json` });
  });
}
