import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getBalance } from "@/lib/loyalty/get-balance";
import { ledgerSum, setting } from "@/tests/helpers/loyalty-kit";

describe("loyalty Idempotency-Key", () => {
  it("a retried retail returns the first answer and spends once", async () => {
    const { point, client, api } = await setting({ balance: 500 });
    const key = randomUUID();
    const body = { client: client.id, point: point.id, amount: 300, spend: 200 };
    const first = await api.retail(body, { idempotencyKey: key });
    const retry = await api.retail(body, { idempotencyKey: key });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.json).toStrictEqual(first.json);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await ledgerSum(client.id)).toBe(300);
    expect(await prisma.operation.count({ where: { clientId: client.id } })).toBe(1);
    // Without the key, the same body is a second purchase.
    expect((await api.retail(body)).status).toBe(200);
    expect(await ledgerSum(client.id)).toBe(100);
  });

  it("a retried hold returns the same hold id and holds once", async () => {
    const { point, client, api } = await setting({ balance: 100 });
    const key = randomUUID();
    const body = { client: client.id, point: point.id, amount: 60 };
    const first = await api.hold(body, { idempotencyKey: key });
    const retry = await api.hold(body, { idempotencyKey: key });
    expect(retry.json).toStrictEqual(first.json);
    expect(await prisma.hold.count({ where: { clientId: client.id } })).toBe(1);
  });

  it("replays a business refusal too, even after the balance has changed", async () => {
    const { point, client, api } = await setting({ balance: 10 });
    const key = randomUUID();
    const body = { client: client.id, point: point.id, amount: 100, spend: 50 };
    const first = await api.retail(body, { idempotencyKey: key });
    expect([first.status, first.json]).toEqual([422, { spend: "Spend can't be more 10" }]);
    await prisma.ledgerEntry.create({ data: { clientId: client.id, kind: "adjustment", amount: 100, reason: "top up" } });
    const retry = await api.retail(body, { idempotencyKey: key });
    expect([retry.status, retry.json]).toEqual([422, { spend: "Spend can't be more 10" }]);
    expect(await prisma.operation.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("refuses the same key with a different body (422 naming the header), and keys are per API key and endpoint", async () => {
    const { point, client, api } = await setting({ balance: 500 });
    const other = await setting({ balance: 500 });
    const key = randomUUID();
    await api.retail({ client: client.id, point: point.id, amount: 100, spend: 10 }, { idempotencyKey: key });
    const changed = await api.retail({ client: client.id, point: point.id, amount: 100, spend: 20 }, { idempotencyKey: key });
    expect(changed.status).toBe(422);
    expect(Object.keys(changed.json)).toEqual(["Idempotency-Key"]);
    expect(await ledgerSum(client.id)).toBe(490);
    // The same key string on another endpoint, or from another API key, is a different request.
    expect((await api.hold({ client: client.id, point: point.id, amount: 5 }, { idempotencyKey: key })).status).toBe(200);
    expect((await other.api.retail({ client: other.client.id, point: other.point.id, amount: 100, spend: 10 }, { idempotencyKey: key })).status).toBe(200);
    expect((await api.retail({ client: client.id, point: point.id, amount: 1, spend: 0 }, { idempotencyKey: "x".repeat(256) })).status).toBe(422);
  });

  it("concurrent identical retries act once and all get the first answer", async () => {
    const { point, client, api } = await setting({ balance: 1000 });
    const key = randomUUID();
    const body = { client: client.id, point: point.id, amount: 500, spend: 400 };
    const answers = await Promise.all(Array.from({ length: 12 }, () => api.retail(body, { idempotencyKey: key })));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    for (const a of answers) expect(a.json).toStrictEqual(answers[0].json);
    expect(await prisma.operation.count({ where: { clientId: client.id } })).toBe(1);
    expect(await ledgerSum(client.id)).toBe(600);
  });
});

describe("loyalty under concurrency: never a negative balance, never a double spend", () => {
  it("20 tills spending the whole balance at once: exactly one wins, the rest get 422", async () => {
    const { point, client, api } = await setting({ balance: 300 });
    const body = { client: client.id, point: point.id, amount: 300, spend: 300 };
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.retail(body)));
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 422);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.json).toEqual({ spend: "Spend can't be more 0" });
    expect(await ledgerSum(client.id)).toBe(0);
    expect(await prisma.operation.count({ where: { clientId: client.id } })).toBe(1);
  });

  it("parallel holds never reserve more than the balance", async () => {
    const { point, client, api } = await setting({ balance: 100 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.hold({ client: client.id, point: point.id, amount: 15 })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(6);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(14);
    const { _sum } = await prisma.hold.aggregate({ where: { clientId: client.id }, _sum: { amount: true } });
    expect(_sum.amount).toBe(90);
    expect((await getBalance({ clientId: client.id })).available).toBe(10);
  });

  it("mixed spends and holds from several points keep ledger − holds ≥ 0", async () => {
    const { point, client, api } = await setting({ balance: 250 });
    const second = await setting();
    const calls = Array.from({ length: 24 }, (_, i) =>
      i % 3 === 0
        ? api.hold({ client: client.id, point: (i % 2 ? second.point : point).id, amount: 40 })
        : api.retail({ client: client.id, point: (i % 2 ? second.point : point).id, amount: 100, spend: 35 }),
    );
    const answers = await Promise.all(calls);
    for (const a of answers) expect([200, 422]).toContain(a.status);
    const balance = await getBalance({ clientId: client.id });
    expect(balance.ledger).toBeGreaterThanOrEqual(0);
    expect(balance.ledger - balance.held).toBeGreaterThanOrEqual(0);
    const spent = answers.filter((a) => a.status === 200 && a.json.retail).length * 35;
    expect(balance.ledger).toBe(250 - spent);
  });
});
