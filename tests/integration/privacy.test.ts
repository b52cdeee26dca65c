import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createApiKeyInput } from "@/lib/api-keys/api-keys.schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { enforceApiKeyRateLimit } from "@/lib/auth/api-key-rate-limit";
import { eraseClient } from "@/lib/loyalty/erase-client";
import { exportClients } from "@/lib/loyalty/export-clients";
import { clientInput } from "@/lib/loyalty/loyalty.schema";
import { saveClient } from "@/lib/loyalty/save-client";
import { purgeExpiredRecords, IDEMPOTENCY_RETENTION_MS } from "@/lib/maintenance/purge-expired";
import { THROTTLE_RETENTION_MS } from "@/lib/auth/sign-in-throttle";
import { freshPhone, makeLevel, makePoint, till } from "@/tests/helpers/loyalty-kit";

const actor = { id: null, label: "admin@test" };

describe("API key request limits", () => {
  it("answers 429 with Retry-After past the key's per-minute limit; keys without a limit are not counted", async () => {
    const point = await makePoint();
    const input = createApiKeyInput.parse({ name: `limited-${randomUUID().slice(0, 6)}`, scopes: ["loyalty"], rateLimitPerMinute: "3" });
    const limited = await createApiKey({ input, actor });
    const api = till(limited.key);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof api.client>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await api.client({ search: freshPhone(), point: point.id });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(last!.headers.get("retry-after"))).toBeLessThanOrEqual(60);

    const free = await createApiKey({ input: createApiKeyInput.parse({ name: `free-${randomUUID().slice(0, 6)}`, scopes: ["loyalty"] }), actor });
    for (let i = 0; i < 5; i++) expect((await till(free.key).client({ search: freshPhone(), point: point.id })).status).not.toBe(429);
    expect(await prisma.apiKeyUsage.count({ where: { apiKeyId: free.id } })).toBe(0);
  });

  it("counts parallel requests atomically and starts over each minute", async () => {
    const key = await createApiKey({ input: createApiKeyInput.parse({ name: `burst-${randomUUID().slice(0, 6)}`, scopes: ["loyalty"] }), actor });
    const now = new Date("2031-05-05T10:00:30Z");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => enforceApiKeyRateLimit({ apiKeyId: key.id, limit: 5, now })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    await expect(enforceApiKeyRateLimit({ apiKeyId: key.id, limit: 5, now: new Date("2031-05-05T10:01:00Z") })).resolves.toBeUndefined();
  });

  it("refuses a limit that is not a positive whole number", () => {
    expect(createApiKeyInput.safeParse({ name: "x", scopes: ["loyalty"], rateLimitPerMinute: "0" }).success).toBe(false);
    expect(createApiKeyInput.safeParse({ name: "x", scopes: ["loyalty"], rateLimitPerMinute: "abc" }).success).toBe(false);
    expect(createApiKeyInput.parse({ name: "x", scopes: ["loyalty"], rateLimitPerMinute: "" }).rateLimitPerMinute).toBeNull();
  });
});

describe("retention", () => {
  it("the periodic purge drops old idempotency answers, stale throttle rows and finished counters, and keeps current ones", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS - 60_000);
    const scope = `purge-${randomUUID()}`;
    await prisma.idempotencyRecord.createMany({
      data: [
        { scope, key: "old", requestHash: "h", responseStatus: 200, responseBody: {}, createdAt: old },
        { scope, key: "new", requestHash: "h", responseStatus: 200, responseBody: {} },
      ],
    });
    const stale = new Date(now.getTime() - THROTTLE_RETENTION_MS - 60_000);
    const tag = randomUUID();
    await prisma.authThrottle.createMany({
      data: [
        { key: `ip:stale-${tag}`, failures: 3, firstFailureAt: stale, lockedUntil: null },
        { key: `ip:fresh-${tag}`, failures: 3, firstFailureAt: now },
      ],
    });
    const key = await createApiKey({ input: createApiKeyInput.parse({ name: `usage-${randomUUID().slice(0, 6)}`, scopes: ["loyalty"] }), actor });
    await prisma.apiKeyUsage.createMany({
      data: [
        { apiKeyId: key.id, windowStart: new Date(now.getTime() - 10 * 60_000), count: 4 },
        { apiKeyId: key.id, windowStart: new Date(Math.floor(now.getTime() / 60_000) * 60_000), count: 1 },
      ],
    });
    const report = await purgeExpiredRecords({ now });
    expect(report.idempotencyRecords).toBeGreaterThanOrEqual(1);
    expect((await prisma.idempotencyRecord.findMany({ where: { scope } })).map((r) => r.key)).toEqual(["new"]);
    expect((await prisma.authThrottle.findMany({ where: { key: { endsWith: tag } } })).map((r) => r.key)).toEqual([`ip:fresh-${tag}`]);
    expect(await prisma.apiKeyUsage.count({ where: { apiKeyId: key.id } })).toBe(1);
  });
});

describe("erasing a loyalty client", () => {
  it("anonymises the personal fields, keeps ledger and balance, and scrubs earlier audit snapshots", async () => {
    const level = await makeLevel();
    const phone = freshPhone();
    const email = `erase-${randomUUID().slice(0, 8)}@example.com`;
    const input = clientInput.parse({ name: "Мария Стёртая", phone, email, cardNumber: `ER-${randomUUID().slice(0, 8)}`, birthday: "1985-02-03", photo: "https://cdn.example/p.jpg", levelId: level.id });
    const saved = await saveClient({ input, actor });
    await saveClient({ id: saved.id, input: { ...input, name: "Мария С." }, actor });
    await prisma.ledgerEntry.create({ data: { clientId: saved.id, kind: "adjustment", amount: 250, reason: "test" } });

    await eraseClient({ clientId: saved.id, actor });

    const client = await prisma.loyaltyClient.findUniqueOrThrow({ where: { id: saved.id } });
    expect(client).toMatchObject({ name: null, phone: null, email: null, birthday: null, cardNumber: null, appCode: null, photo: null, imshopUserId: null });
    expect(client.erasedAt).toBeInstanceOf(Date);
    const { _sum } = await prisma.ledgerEntry.aggregate({ where: { clientId: saved.id }, _sum: { amount: true } });
    expect(_sum.amount).toBe(250);
    const audit = await prisma.auditLog.findMany({ where: { entityType: "LoyaltyClient", entityId: saved.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action).at(-1)).toBe("loyalty.client.erase");
    const text = JSON.stringify(audit.map((a) => [a.before, a.after]));
    for (const personal of ["Мария", phone, email, "1985-02-03", "cdn.example", input.cardNumber!]) expect(text).not.toContain(personal);
    // The history of what changed stays: the level is still in the snapshots.
    expect(text).toContain(level.id);

    // An erased client is left out of exports.
    let csv = "";
    for await (const chunk of exportClients({ actor })) csv += chunk;
    expect(csv).not.toContain(saved.id);
  });

  it("refuses an unknown client", async () => {
    await expect(eraseClient({ clientId: "no-such-client", actor })).rejects.toMatchObject({ key: "clientNotFound" });
  });
});

describe("client photos", () => {
  it("accept https addresses only", () => {
    const base = { name: "Фото", phone: "", email: "", cardNumber: "PHOTO-1", appCode: "", birthday: "", levelId: "l1" };
    expect(clientInput.safeParse({ ...base, photo: "http://cdn.example/p.jpg" }).success).toBe(false);
    expect(clientInput.safeParse({ ...base, photo: "javascript:alert(1)" }).success).toBe(false);
    expect(clientInput.safeParse({ ...base, photo: "https://cdn.example/p.jpg" }).success).toBe(true);
  });
});
