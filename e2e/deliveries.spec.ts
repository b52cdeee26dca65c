import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { startFakeImshop, type FakeImshop } from "../tests/helpers/fake-imshop";

// The portal started by scripts/e2e.mjs pushes scan statuses to http://127.0.0.1:4010/scan-status
// with the outbound key "test-outbound-key", and shares its DATABASE_URL with this process.
let fake: FakeImshop;

test.beforeAll(async () => {
  fake = await startFakeImshop({ port: 4010 });
});
test.afterAll(async () => {
  await fake.close();
});

/** A dead letter as the worker leaves it after IMSHOP refused every attempt. */
async function insertDeadLetter(entityId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const id = `e2e${randomBytes(8).toString("hex")}`;
    const payload = { id: entityId, userId: "79991234567", code: "E2E-CODE", timestamp: 1662660581, status: "approved", statusMessage: "Начислено 200 бонусов" };
    await client.query(
      `INSERT INTO "Delivery" (id, kind, "entityId", "entityVersion", payload, state, attempts, "lastStatus", "lastError", "updatedAt")
       VALUES ($1, 'scan_status', $2, 1, $3, 'dead', 3, 503, 'IMSHOP answered 503', now())`,
      [id, entityId, JSON.stringify(payload)],
    );
    await client.query(
      `INSERT INTO "DeliveryAttempt" ("deliveryId", "attemptNo", url, "requestBody", "responseStatus", "responseBody", "latencyMs")
       VALUES ($1, 3, 'http://127.0.0.1:4010/scan-status', $2, 503, '{"error":"down"}', 12)`,
      [id, JSON.stringify(payload)],
    );
    return { id, payload };
  } finally {
    await client.end();
  }
}

test.describe("deliveries, signed in as admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("replays a dead letter and the fake IMSHOP receives it", async ({ page }) => {
    const entityId = `e2e-scan-${randomBytes(4).toString("hex")}`;
    const { id, payload } = await insertDeadLetter(entityId);

    await page.goto("/deliveries");
    await expect(page.getByTestId("delivery-count-dead")).not.toHaveText(/^0/);
    await page.goto(`/deliveries?state=dead&entityId=${entityId}`);
    const row = page.getByTestId("deliveries-table").locator(`tr[data-row-id="${id}"]`);
    await expect(row.getByTestId("delivery-state")).toHaveText("Не доставлено");
    await row.getByTestId("delivery-replay").click();
    await page.getByTestId("delivery-replay-confirm").click();
    await expect(page.getByTestId("delivery-replay-result")).toBeVisible();

    const [received] = await fake.waitFor((reqs) => reqs.some((r) => (r.body as { id?: string }).id === entityId), 20_000).then((reqs) =>
      reqs.filter((r) => (r.body as { id?: string }).id === entityId),
    );
    expect(received.path).toBe("/scan-status");
    expect(received.body).toEqual(payload);
    expect(received.headers.authorization).toBe("Bearer test-outbound-key");

    // The detail page shows the new attempt, numbered after the old ones, and the delivery done.
    await expect(async () => {
      await page.goto(`/deliveries/${id}`);
      await expect(page.getByTestId("delivery-state")).toHaveText("Доставлено", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("delivery-attempt").first()).toContainText("Попытка 4");
    await expect(page.getByTestId("delivery-attempt").first().getByTestId("attempt-status")).toHaveText("204");
    await expect(page.getByTestId("delivery-attempt")).toHaveCount(2);
    await expect(page.getByTestId("delivery-replay")).toHaveCount(0);
    expect(fake.requests.filter((r) => (r.body as { id?: string }).id === entityId)).toHaveLength(1);
  });

  test("the settings page sends a test request and shows IMSHOP's answer", async ({ page }) => {
    fake.respondWith({ status: 404, body: { error: "scan not found" } }, "/scan-status");
    await page.goto("/settings/imshop");
    await expect(page.getByTestId("outbound-key-hint")).toContainText("••••-key");
    await page.getByTestId("imshop-test-scan").click();
    await expect(page.getByTestId("imshop-test-status")).toHaveText("404");
    await expect(page.getByTestId("imshop-test-result")).toContainText("scan not found");
    fake.respondWith(204, "/scan-status");
  });
});

test.describe("deliveries, signed in as staff", () => {
  test.use({ storageState: "e2e/.auth/staff.json" });

  test("reads deliveries but cannot replay them or open the connection settings", async ({ page }) => {
    const entityId = `e2e-scan-${randomBytes(4).toString("hex")}`;
    const { id } = await insertDeadLetter(entityId);
    await page.goto(`/deliveries?entityId=${entityId}`);
    await expect(page.getByTestId("deliveries-table").locator(`tr[data-row-id="${id}"]`)).toBeVisible();
    await expect(page.getByTestId("delivery-replay")).toHaveCount(0);
    await expect(page.getByTestId("delivery-replay-dead")).toHaveCount(0);
    await page.goto(`/deliveries/${id}`);
    await expect(page.getByTestId("delivery-attempts")).toBeVisible();
    await expect(page.getByTestId("delivery-replay")).toHaveCount(0);
    await page.goto("/settings/imshop");
    await expect(page).toHaveURL(/\/forbidden/);
  });
});
