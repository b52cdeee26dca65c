import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { fakeOrderUuid, startFakeImshop, type FakeImshop, type FakeRequest } from "../tests/helpers/fake-imshop";
import { DEMO_TILL_KEY, DEMO_USERS, DEMO_WEBHOOK_KEY } from "../lib/demo/demo-credentials";

// The README's multi-machine deployment, as an operator runs it: one PostgreSQL migrated with
// `npm run db:migrate` (no demo), two `next start` app servers from the one build with
// WORKER_IN_PROCESS=false, and one `npm run worker`. Staff approve scans on server A, an ERP changes order
// statuses through server B's API; IMSHOP must receive every push once, and each entity's in order.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const GS = "\u001d";
const GTIN = "04601234000017";
const WEBHOOK_KEY = randomBytes(18).toString("base64url");
const ERP_KEY = `ick_${randomBytes(24).toString("base64url")}`;
const ADMIN = { email: `ops-${randomInt(1e9)}@shop.example`, password: randomBytes(12).toString("base64url") };
const sha256 = (v: string) => createHash("sha256").update(v).digest("hex");

const serverUrl = new URL(process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
const databaseName = `imshop_multi_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();
const children: ChildProcess[] = [];
let fake: FakeImshop;
let serverA: string;
let serverB: string;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });

function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secrets.session,
    SETTINGS_ENCRYPTION_KEY: secrets.settings,
    WORKER_IN_PROCESS: "false",
    IMSHOP_ALLOW_PRIVATE_URLS: "true",
    LOG_LEVEL: "warn",
    ...extra,
  } as NodeJS.ProcessEnv;
}
const secrets = { session: randomBytes(32).toString("hex"), settings: randomBytes(32).toString("hex") };

/** Runs a TypeScript entry of the project (as `npm run <script>` does) and waits for it to succeed. */
function runScript(entry: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${entry} exited with ${code}`))));
  });
}

async function startServer(): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: productionEnv({ NEXTAUTH_URL: url }),
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  child.on("exit", (code, signal) => console.log(`[multi-server] next start on ${port} exited: ${code ?? signal}`));
  await expect.poll(() => fetch(`${url}/api/health`).then((r) => r.status, () => 0), { timeout: 90_000 }).toBe(200);
  return url;
}

test.beforeAll(async () => {
  // Migrating, bootstrapping and starting three processes: minutes on a busy 2-core machine.
  test.setTimeout(480_000);
  fake = await startFakeImshop();
  // `npm run db:migrate`, then the first start's bootstrap: the first admin and IMSHOP connection from the environment.
  await runScript("scripts/db-migrate.ts", productionEnv({}));
  await runScript(
    "scripts/bootstrap.ts",
    productionEnv({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      IMSHOP_SCAN_STATUS_URL: `${fake.url}/scan-status`,
      IMSHOP_ORDER_STATUS_URL: `${fake.url}/order-status`,
      IMSHOP_API_KEY: "outbound-key",
      IMSHOP_WEBHOOK_KEY: WEBHOOK_KEY,
    }),
  );
  // What an admin would set up in the dashboard: a campaign under moderation, order statuses, an ERP key.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`INSERT INTO "Campaign" (id, name, "startsAt", "bonusPoints", "updatedAt") VALUES ('multi', 'Multi', now() - interval '1 day', 50, now())`);
  await db.query(`INSERT INTO "CampaignGtin" ("campaignId", gtin) VALUES ('multi', $1)`, [GTIN]);
  for (const [i, code] of ["new", "assembling", "ready"].entries()) {
    await db.query(`INSERT INTO "OrderStatus" (code, description, "buyerText", "sortOrder", final, "updatedAt") VALUES ($1, $1, $1, $2, $3, now())`, [code, i, code === "ready"]);
  }
  await db.query(`INSERT INTO "ApiKey" (id, name, prefix, hash, scopes) VALUES ('erp', 'ERP', $1, $2, '{orders}')`, [ERP_KEY.slice(0, 8), sha256(ERP_KEY)]);
  await db.end();

  [serverA, serverB] = await Promise.all([startServer(), startServer()]);
  const worker = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], {
    cwd: root,
    env: productionEnv({ WORKER_POLL_INTERVAL_MS: "200" }),
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(worker);
});

test.afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  await fake?.close();
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin.end();
});

const bodyId = (r: FakeRequest) => (r.body as { id?: string } | null)?.id;

test("the demo's public credentials do not work on a real deployment", async ({ page }) => {
  const webhook = await fetch(`${serverA}/api/imshop/scans`, {
    method: "POST",
    headers: { authorization: `Bearer ${DEMO_WEBHOOK_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ barcode: `01${GTIN}21x`, userId: "79990000000", timestamp: 1700000000 }),
  });
  expect(webhook.status).toBe(401);
  const till = await fetch(`${serverB}/integration/general/client`, {
    method: "POST",
    headers: { apikey: DEMO_TILL_KEY, "content-type": "application/json" },
    body: JSON.stringify({ search: "79991234567" }),
  });
  expect(till.status).toBe(401);
  await page.goto(`${serverA}/sign-in`);
  await page.getByTestId("sign-in-email").fill(DEMO_USERS[0].email);
  await page.getByTestId("sign-in-password").fill(DEMO_USERS[0].password);
  await page.getByTestId("sign-in-submit").click();
  await expect(page.locator('[data-testid^="sign-in-error-"]')).toBeVisible();
});

test("scans approved on server A and order statuses changed through server B reach IMSHOP once each, in order", async ({ page }) => {
  // Scans arrive through server B's webhook and wait for moderation.
  const userId = `7916${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
  const scanIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${serverB}/api/imshop/scans`, {
      method: "POST",
      headers: { authorization: `Bearer ${WEBHOOK_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ barcode: `01${GTIN}21${randomBytes(8).toString("hex")}${GS}91EE06${GS}92${randomBytes(33).toString("base64")}`, userId, timestamp: Math.floor(Date.now() / 1000) + i }),
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { id: string; status: string };
    expect(answer.status).toBe("processing");
    scanIds.push(answer.id);
  }

  // Staff approve them on server A.
  await page.goto(`${serverA}/sign-in`);
  await page.getByTestId("sign-in-email").fill(ADMIN.email);
  await page.getByTestId("sign-in-password").fill(ADMIN.password);
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("current-user-email")).toHaveText(ADMIN.email);
  await page.goto(`${serverA}/scans?user=${userId}&status=processing`);
  const table = page.getByTestId("scans-table");
  await expect(table.locator("tr[data-row-id]")).toHaveCount(3);
  for (const id of scanIds) await table.locator(`tr[data-row-id="${id}"]`).getByRole("checkbox").check();
  await page.getByTestId("bulk-approve").click();
  await page.getByTestId("moderation-confirm").click();
  await expect(table.locator("tr[data-row-id]")).toHaveCount(0);

  // Meanwhile an ERP moves three orders through three statuses on server B.
  const orders = [0, 1, 2].map((i) => `MS-${Date.now()}-${i}`);
  const orderOf = new Map(orders.map((o) => [fakeOrderUuid(o), o]));
  fake.respondWith((req) => {
    const body = req.body as { id: string; code: string };
    const internalId = orderOf.get(body.id) ?? body.id;
    const answer = { success: true, internalId, uuid: fakeOrderUuid(internalId), newStatus: body.code, imshopStatus: "in_progress", message: "" };
    return { status: 200, body: answer };
  }, "/order-status");
  const sequence = ["new", "assembling", "ready"];
  for (const internalId of orders) {
    const created = await fetch(`${serverB}/api/orders`, {
      method: "POST",
      headers: { apikey: ERP_KEY, "content-type": "application/json" },
      body: JSON.stringify({ internalId, userId, total: 100, code: "new" }),
    });
    expect(created.status).toBe(200);
  }
  for (const code of sequence.slice(1)) {
    for (const internalId of orders) {
      const res = await fetch(`${serverB}/api/orders/status`, {
        method: "POST",
        headers: { apikey: ERP_KEY, "content-type": "application/json" },
        body: JSON.stringify({ id: internalId, code }),
      });
      expect(res.status).toBe(200);
    }
  }

  // Like IMSHOP, the fake gives each order one uuid and answers with it; the portal names the order by it from
  // then on, so a push is the order's when its id is the merchant's number or that uuid.
  const orderPushes = (internalId: string) =>
    fake.requests.filter((r) => r.path === "/order-status" && [internalId, fakeOrderUuid(internalId)].includes(bodyId(r) ?? ""));
  const scanPushes = (id: string) => fake.requests.filter((r) => r.path === "/scan-status" && bodyId(r) === id);
  await fake.waitFor(
    () => scanIds.every((id) => scanPushes(id).length >= 1) && orders.every((id) => orderPushes(id).some((r) => (r.body as { code: string }).code === "ready")),
    60_000,
  );
  // Nothing more is on its way: a second delivery would arrive within a few polls.
  await new Promise((r) => setTimeout(r, 3000));
  for (const id of scanIds) {
    expect(scanPushes(id).map((r) => (r.body as { status: string }).status)).toEqual(["approved"]);
  }
  for (const id of orders) {
    const codes = orderPushes(id).map((r) => (r.body as { code: string }).code);
    // A newer status may replace a pending older one, but none is sent twice or after a newer one.
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.map((c) => sequence.indexOf(c))).toEqual([...codes.map((c) => sequence.indexOf(c))].sort());
    expect(codes.at(-1)).toBe("ready");
  }
});
