import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { CACHE_CHANNEL, listeningSince, setCacheListenerForTests } from "@/lib/cache/change-listener";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { updateApiKey } from "@/lib/api-keys/update-api-key";
import { savePoint } from "@/lib/loyalty/save-point";
import { makePoint, setting } from "@/tests/helpers/loyalty-kit";

// The hot paths cache API keys, points and the IMSHOP settings; triggers NOTIFY every change that
// matters so every server drops its copy, and this process drops its own at once after a use case.
const actor = { label: "test" };
let listener: pg.Client;
const heard: string[] = [];

beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (m) => heard.push(m.payload ?? ""));
  await listener.query(`LISTEN ${CACHE_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
});

/** What the channel carried within a moment after `fn` committed. */
async function notified(fn: () => Promise<unknown>): Promise<string[]> {
  heard.length = 0;
  await fn();
  await listener.query("SELECT 1"); // a round trip on the listening connection delivers what is queued
  await new Promise((r) => setTimeout(r, 100));
  return [...new Set(heard)];
}

describe("cache invalidation triggers", () => {
  it("notify a key's revocation, its points and its renaming, but not the once-a-minute lastUsedAt touch", async () => {
    const { key } = await setting();
    expect(await notified(() => prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }))).toEqual([]);
    const point = await makePoint();
    expect(await notified(() => updateApiKey({ input: { id: key.id, name: "renamed", pointIds: [point.id] }, actor }))).toContain("api_keys");
    expect(await notified(() => revokeApiKey({ id: key.id, actor }))).toContain("api_keys");
    // A change by hand (psql, another server) is heard as well: the trigger, not the use case, sends it.
    expect(await notified(() => prisma.$executeRaw`UPDATE "ApiKey" SET "revokedAt" = NULL WHERE id = ${key.id}`)).toEqual(["api_keys"]);
  });

  it("notify point and settings changes, and nothing for a rolled-back change", async () => {
    const point = await makePoint();
    expect(await notified(() => savePoint({ id: point.id, input: { name: "P", address: null, active: false }, actor }))).toEqual(["loyalty_points"]);
    expect(await notified(() => prisma.$executeRaw`UPDATE "ImshopSettings" SET "timeoutMs" = "timeoutMs"`)).toEqual(["imshop_settings"]);
    const rolledBack = () =>
      prisma
        .$transaction(async (tx) => {
          await tx.loyaltyPoint.update({ where: { id: point.id }, data: { active: true } });
          throw new Error("roll back");
        })
        .catch(() => undefined);
    expect(await notified(rolledBack)).toEqual([]);
  });
});

describe("the cached checks on the till API", () => {
  it("refuse a key revoked after it was cached, and a point deactivated after it was cached, at once", async () => {
    const { point, client, key, api } = await setting();
    const body = { search: client.phone, point: point.id };
    expect((await api.client(body)).status).toBe(200); // both now cached in this process
    await savePoint({ id: point.id, input: { name: "closed", address: null, active: false }, actor });
    const closed = await api.client(body);
    expect(closed.status).toBe(422);
    expect(closed.json).toHaveProperty("point");
    await savePoint({ id: point.id, input: { name: "open", address: null, active: true }, actor });
    expect((await api.client(body)).status).toBe(200);
    await revokeApiKey({ id: key.id, actor });
    expect((await api.client(body)).status).toBe(401);
  });
});

describe("the listener (as on a server)", () => {
  afterAll(() => setCacheListenerForTests(false));

  it("drops a cached key when another connection revokes it by hand, with no use case in this process", async () => {
    await setCacheListenerForTests(true);
    expect(listeningSince()).toBeGreaterThan(0);
    const { point, client, key, api } = await setting();
    const body = { search: client.phone, point: point.id };
    expect((await api.client(body)).status).toBe(200);
    // As psql or another server would: only the trigger's NOTIFY can tell this process.
    await listener.query(`UPDATE "ApiKey" SET "revokedAt" = now() WHERE id = $1`, [key.id]);
    await waitFor(async () => (await api.client(body)).status === 401);
    await listener.query(`UPDATE "LoyaltyPoint" SET active = false WHERE id = $1`, [point.id]);
    await listener.query(`UPDATE "ApiKey" SET "revokedAt" = NULL WHERE id = $1`, [key.id]);
    await waitFor(async () => (await api.client(body)).status === 422);
  });
});

/** Polls `ok` for up to a second: NOTIFY arrives asynchronously, within milliseconds. */
async function waitFor(ok: () => Promise<boolean>) {
  for (let i = 0; i < 20; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the change was not seen within a second");
}
