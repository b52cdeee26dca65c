import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { updateApiKey } from "@/lib/api-keys/update-api-key";
import { adjustBalance } from "@/lib/loyalty/adjust-balance";
import { deleteLevel } from "@/lib/loyalty/delete-level";
import { exportClients } from "@/lib/loyalty/export-clients";
import { importNow, importsKey } from "@/tests/helpers/imports-kit";
import { getClientDetail } from "@/lib/loyalty/client-detail.queries";
import { listOperations } from "@/lib/loyalty/loyalty.queries";
import { parseCsv } from "@/lib/loyalty/csv";
import { refundOperation } from "@/lib/loyalty/refund-operation";
import { saveClient } from "@/lib/loyalty/save-client";
import { saveLevel } from "@/lib/loyalty/save-level";
import { freshPhone, ledgerSum, makeClient, makeLevel, makePoint, setting, till } from "@/tests/helpers/loyalty-kit";

const actor = { id: null, label: "admin@test" };

describe("loyalty refunds and adjustments", () => {
  it("refunding a spend writes a reversing entry that gives the points back, once", async () => {
    const { point, client, api } = await setting({ balance: 200 });
    await api.retail({ client: client.id, point: point.id, amount: 150, spend: 150 });
    const op = await prisma.operation.findFirstOrThrow({ where: { clientId: client.id } });
    await refundOperation({ operationId: op.id, reason: "returned goods", actor });
    expect(await ledgerSum(client.id)).toBe(200);
    const entries = await prisma.ledgerEntry.findMany({ where: { operationId: op.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.kind, e.amount])).toEqual([
      ["spend", -150],
      ["reversal", 150],
    ]);
    expect(entries[1].reversesId).toBe(entries[0].id);
    expect((await prisma.operation.findUniqueOrThrow({ where: { id: op.id } })).refundedAt).not.toBeNull();
    await expect(refundOperation({ operationId: op.id, actor })).rejects.toMatchObject({ key: "alreadyRefunded" });
    await expect(Promise.all([refundOperation({ operationId: op.id, actor }), refundOperation({ operationId: op.id, actor })])).rejects.toThrow();
    expect(await ledgerSum(client.id)).toBe(200);
    expect(await prisma.auditLog.count({ where: { entityId: op.id, action: "loyalty.refund" } })).toBe(1);
  });

  it("two admins refunding at once reverse the entries only once", async () => {
    const { point, client, api } = await setting({ balance: 0, percent: 10 });
    await api.retail({ client: client.id, point: point.id, amount: 1000, spend: 0 });
    const op = await prisma.operation.findFirstOrThrow({ where: { clientId: client.id } });
    const results = await Promise.allSettled([1, 2, 3].map(() => refundOperation({ operationId: op.id, actor })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await ledgerSum(client.id)).toBe(0);
  });

  it("refuses to take back earned points the client has already spent", async () => {
    const { point, client, api } = await setting({ balance: 0, percent: 10 });
    await api.retail({ client: client.id, point: point.id, amount: 1000, spend: 0 });
    const earnOp = await prisma.operation.findFirstOrThrow({ where: { clientId: client.id } });
    await api.retail({ client: client.id, point: point.id, amount: 100, spend: 80 });
    await expect(refundOperation({ operationId: earnOp.id, actor })).rejects.toMatchObject({ key: "refundTooMuch", values: { available: 20 } });
    expect(await ledgerSum(client.id)).toBe(20);
  });

  it("adjusts with a reason, and never below what the client can spend now", async () => {
    const { point, client, api } = await setting({ balance: 50 });
    await adjustBalance({ clientId: client.id, amount: 25, reason: "birthday gift", actor });
    expect(await ledgerSum(client.id)).toBe(75);
    await api.hold({ client: client.id, point: point.id, amount: 70 });
    await expect(adjustBalance({ clientId: client.id, amount: -10, reason: "mistake", actor })).rejects.toMatchObject({ key: "deductTooMuch" });
    await adjustBalance({ clientId: client.id, amount: -5, reason: "mistake", actor });
    const detail = await getClientDetail(client.id);
    expect(detail?.balance).toEqual({ ledger: 70, held: 70, available: 0 });
    expect(detail?.ledger[0]).toMatchObject({ kind: "adjustment", amount: -5, reason: "mistake" });
    expect(detail?.holds[0]).toMatchObject({ amount: 70, state: "active" });
  });
});

describe("loyalty levels and clients", () => {
  it("keeps exactly one default level", async () => {
    const a = await saveLevel({ input: { title: uidTitle(), percent: 5, type: "cashback", maxSpendPercent: 50, isDefault: true, sortOrder: 0 }, actor });
    const b = await saveLevel({ input: { title: uidTitle(), percent: 7, type: "discount", maxSpendPercent: 0, isDefault: true, sortOrder: 1 }, actor });
    expect(await prisma.loyaltyLevel.count({ where: { isDefault: true } })).toBe(1);
    expect((await prisma.loyaltyLevel.findUniqueOrThrow({ where: { id: a.id } })).isDefault).toBe(false);
    await expect(saveLevel({ id: b.id, input: { ...b, isDefault: false }, actor })).rejects.toMatchObject({ key: "defaultLevelRequired" });
    await expect(deleteLevel({ id: b.id, actor })).rejects.toMatchObject({ key: "defaultLevelRequired" });
    await makeClient({ levelId: a.id });
    await expect(deleteLevel({ id: a.id, actor })).rejects.toMatchObject({ key: "levelInUse" });
  });

  it("saves a client with a normalised phone and refuses a phone another client has", async () => {
    const level = await makeLevel();
    const phone = freshPhone();
    const input = { name: "Анна", phone: `8 ${phone.slice(1)}`, email: null, cardNumber: null, appCode: null, birthday: "1990-05-01", photo: null, levelId: level.id };
    const saved = await saveClient({ input, actor });
    expect(saved.phone).toBe(phone);
    await expect(saveClient({ input: { ...input, name: "Другая" }, actor })).rejects.toMatchObject({ key: "phoneTaken" });
    await expect(saveClient({ input: { ...input, phone: "12345" }, actor })).rejects.toMatchObject({ key: "phoneInvalid" });
    const edited = await saveClient({ id: saved.id, input: { ...input, name: "Анна П." }, actor });
    expect(edited.name).toBe("Анна П.");
  });
});

describe("loyalty CSV import and export", () => {
  it("imports new clients with opening balances, updates known ones, and exports them back", async () => {
    const level = await makeLevel({ title: `Импорт ${randomUUID().slice(0, 6)}` });
    const known = await makeClient({ levelId: level.id, name: "Старое имя" });
    const fresh = freshPhone();
    const card = `IMP-${randomUUID().slice(0, 8)}`;
    const csv = [
      "phone;name;email;birthday;card_number;level;balance",
      `${known.phone};Новое имя;;;;;999`,
      `+7 ${fresh.slice(1, 4)} ${fresh.slice(4)};"Петров; Пётр";petr@example.com;29.03.1990;${card};${level.title};120`,
    ].join("\r\n");
    const result = await importNow(await importsKey(), "clients", csv);
    expect(result).toMatchObject({ state: "done", created: 1, updated: 1, failed: 0 });
    const updated = await prisma.loyaltyClient.findUniqueOrThrow({ where: { id: known.id } });
    expect(updated.name).toBe("Новое имя");
    expect(updated.email).toBe("mail@example.com"); // empty cells leave values alone
    expect(await ledgerSum(known.id)).toBe(0); // an existing balance is never set by import
    const created = await prisma.loyaltyClient.findUniqueOrThrow({ where: { phone: fresh } });
    expect(created).toMatchObject({ name: "Петров; Пётр", cardNumber: card, levelId: level.id, email: "petr@example.com" });
    expect(await ledgerSum(created.id)).toBe(120);

    let text = "";
    const auditsBefore = await prisma.auditLog.count({ where: { action: "loyalty.clients_export" } });
    for await (const chunk of exportClients({ q: card, actor })) text += chunk;
    const rows = parseCsv(text);
    // Personal data leaving the portal is audited: who, which filter, how many rows.
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "loyalty.clients_export" }, orderBy: { id: "desc" } });
    expect(await prisma.auditLog.count({ where: { action: "loyalty.clients_export" } })).toBe(auditsBefore + 1);
    expect(audit).toMatchObject({ actorLabel: actor.label, after: { q: card, rows: 1, complete: true } });
    expect(rows[0]).toEqual(["id", "phone", "name", "email", "birthday", "card_number", "app_code", "level", "balance", "created_at"]);
    expect(rows.slice(1)).toHaveLength(1);
    expect(rows[1].slice(0, 9)).toEqual([created.id, fresh, "Петров; Пётр", "petr@example.com", "1990-03-29", card, "", level.title, "120"]);
  });
});

describe("API keys", () => {
  it("are shown once, stored hashed, bound to points, and stop working when revoked", async () => {
    const { point, client } = await setting({ balance: 10 });
    const other = await makePoint();
    const created = await createApiKey({ input: { name: "Касса 1", scopes: ["loyalty"], pointIds: [point.id] }, actor });
    expect(created.key).toMatch(/^ick_/);
    const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.hash).not.toContain(created.key);
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(stored.prefix).toBe(created.key.slice(0, 12));

    const api = till(created.key);
    expect((await api.client({ search: client.phone, point: point.id })).status).toBe(200);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
    expect((await api.client({ search: client.phone, point: other.id })).status).toBe(422);
    await updateApiKey({ input: { id: created.id, name: "Касса 1", pointIds: [] }, actor });
    expect((await api.client({ search: client.phone, point: other.id })).status).toBe(200);

    await revokeApiKey({ id: created.id, actor });
    expect((await api.client({ search: client.phone, point: point.id })).status).toBe(401);
    expect(await prisma.auditLog.count({ where: { entityId: created.id } })).toBe(3);
  });
});

describe("operations list", () => {
  it("filters by point, client, kind and day", async () => {
    const { point, client, api } = await setting({ balance: 100 });
    await api.retail({ client: client.id, point: point.id, amount: 50, spend: 0 });
    await api.retail({ client: client.id, point: point.id, amount: 50, spend: 20 });
    const list = (filters: object) => listOperations({ filters, cursor: null, dir: "next", take: 50 });
    expect((await list({ point: point.id })).rows).toHaveLength(2);
    expect((await list({ client: client.phone! })).rows).toHaveLength(2);
    expect((await list({ point: point.id, kind: "spend" })).rows.map((r) => r.spend)).toEqual([20]);
    expect((await list({ point: point.id, kind: "earn" })).rows.map((r) => r.earn)).toEqual([5]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
    expect((await list({ point: point.id, from: today, to: today })).rows).toHaveLength(2);
    expect((await list({ point: point.id, to: "2000-01-01" })).rows).toHaveLength(0);
  });
});

function uidTitle() {
  return `Level ${randomUUID().slice(0, 8)}`;
}
