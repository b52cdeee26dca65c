import { expect, test } from "@playwright/test";

// A clients file large enough that its job takes a while: the page must show the progress moving.
const ROWS = 300_000;

function clientsFile(suffix: string): Buffer {
  const lines = ["card_number;name;balance"];
  for (let i = 0; i < ROWS; i++) lines.push(`E2E-${suffix}-${i};Покупатель ${i};${i % 50}`);
  // Two rows the import refuses (a balance must be a whole number of points, 0 or more).
  lines.push(`E2E-${suffix}-bad1;Плохой баланс;-5`);
  lines.push(`E2E-${suffix}-bad2;Плохой баланс;много`);
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

const processedOf = async (bar: import("@playwright/test").Locator) => Number(await bar.getAttribute("aria-valuenow"));

test.describe("imports, signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("uploads a clients file, shows the progress moving (also after a reload), and downloads the error report", async ({ page }) => {
    test.setTimeout(240_000);
    const suffix = Date.now().toString(36);
    await page.goto("/loyalty/imports");
    await page.getByTestId("import-kind").selectOption("clients");
    await page.getByTestId("import-file").setInputFiles({ name: `clients-${suffix}.csv`, mimeType: "text/csv", buffer: clientsFile(suffix) });
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-upload-message")).toBeVisible();

    const row = page.locator("[data-testid^=import-row-]").filter({ hasText: `clients-${suffix}.csv` });
    const bar = row.getByTestId("import-progress");
    await expect(bar).toBeVisible();
    // Moving: some rows done, then more, while not yet all.
    await expect.poll(() => processedOf(bar), { timeout: 60_000 }).toBeGreaterThan(0);
    const early = await processedOf(bar);
    await expect(bar).toHaveAttribute("aria-valuemax", String(ROWS + 2));
    await expect.poll(() => processedOf(bar), { timeout: 60_000 }).toBeGreaterThan(early);
    await expect(row.getByTestId("import-progress-text")).toContainText("строк/с");

    // The state is the server's: a reload shows the same import, still moving or done.
    await page.reload();
    const again = page.locator("[data-testid^=import-row-]").filter({ hasText: `clients-${suffix}.csv` });
    await expect.poll(async () => processedOf(again.getByTestId("import-progress")), { timeout: 10_000 }).toBeGreaterThanOrEqual(early);

    await expect(again).toHaveAttribute("data-state", "done", { timeout: 180_000 });
    await expect(again.getByTestId("import-result")).toContainText("отклонено 2");

    const download = page.waitForEvent("download");
    await again.getByTestId("import-errors").click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    expect(text).toContain("Строка;Колонка;Причина");
    // The reason holds a comma, so the report's escaper quotes it.
    expect(text).toContain(`${ROWS + 2};balance;"Баланс — целое число бонусов, 0 или больше"`);
    expect(text).toContain(`${ROWS + 3};balance;`);
  });
});
