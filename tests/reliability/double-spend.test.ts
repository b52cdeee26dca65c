// Concurrent double-spend attempts: many tills spending and holding one client's points at the same
// instant, some retrying with the same Idempotency-Key while the first try is still running. Whatever
// the mix, the balance never goes negative, nothing acts twice, and no request is refused that the
// final balance could still have paid (so exactly the right number succeed).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getBalance } from "@/lib/loyalty/get-balance";
import { makeApiKey, makeClient, makeLevel, makePoint, till } from "@/tests/helpers/loyalty-kit";
import { fcParams, RUNS, timeoutFor } from "@/tests/reliability/kit/runs";

// Big enough that the level's spend cap never binds: only the balance limits a spend.
const PURCHASE_ROUBLES = 1_000_000;

const scenario = fc
  .integer({ min: 1, max: 2000 })
  .chain((balance) =>
    fc.record({
      balance: fc.constant(balance),
      attempts: fc.array(
        fc.record({
          kind: fc.constantFrom("retail" as const, "hold" as const),
          // Mostly amounts that fit alone but not all together; sometimes more than the whole balance.
          amount: fc.oneof({ arbitrary: fc.integer({ min: 1, max: balance }), weight: 9 }, { arbitrary: fc.integer({ min: balance + 1, max: balance * 2 + 1 }), weight: 1 }),
          retried: fc.boolean(),
        }),
        { minLength: 2, maxLength: 30 },
      ),
    }),
  );

describe("concurrent double-spend attempts on one client", () => {
  const runs = Math.max(10, Math.ceil(RUNS / 3));

  it(`never a negative balance, never a double action, never a wrongful refusal (${runs} runs)`, { timeout: timeoutFor(1500) }, async () => {
    const level = await makeLevel({ percent: 5, maxSpendPercent: 100 });
    // Holds at one point, purchases at another: a purchase releases the client's holds at its own point
    // only, so here the available balance can only fall and every refusal can be judged against the end.
    const [holdPoint, shopPoint] = [await makePoint(), await makePoint()];
    const key = await makeApiKey();
    const api = till(key.value);

    await fc.assert(
      fc.asyncProperty(scenario, async ({ balance, attempts }) => {
        const client = await makeClient({ levelId: level.id, balance });
        const sends = attempts.flatMap((a, i) => {
          const idempotencyKey = randomUUID();
          const body =
            a.kind === "retail"
              ? { client: client.id, point: shopPoint.id, amount: PURCHASE_ROUBLES, spend: a.amount }
              : { client: client.id, point: holdPoint.id, amount: a.amount, duration: 30 };
          const once = () => (a.kind === "retail" ? api.retail(body, { idempotencyKey }) : api.hold(body, { idempotencyKey }));
          return a.retried ? [{ i, call: once }, { i, call: once }] : [{ i, call: once }];
        });
        const answers = await Promise.all(sends.map((s) => s.call()));

        const byAttempt = new Map<number, { status: number; json: unknown; replayed: boolean }[]>();
        answers.forEach((res, n) => {
          const list = byAttempt.get(sends[n].i) ?? [];
          list.push({ status: res.status, json: res.json, replayed: res.headers.get("idempotent-replayed") === "true" });
          byAttempt.set(sends[n].i, list);
        });

        let spent = 0;
        let held = 0;
        const refused: number[] = [];
        for (const [i, list] of byAttempt) {
          const a = attempts[i];
          for (const r of list) {
            expect([200, 422], JSON.stringify(r.json)).toContain(r.status);
            // A retry gets the first answer, whatever it was.
            expect(r.json).toStrictEqual(list[0].json);
          }
          if (list.length === 2) expect(list.filter((r) => r.replayed)).toHaveLength(1);
          if (list[0].status === 200) {
            if (a.kind === "retail") spent += a.amount;
            else held += a.amount;
          } else {
            expect(Object.keys(list[0].json as object)).toEqual([a.kind === "retail" ? "spend" : "amount"]);
            refused.push(a.amount);
          }
        }

        const after = await getBalance({ clientId: client.id });
        expect(after.ledger).toBe(balance - spent);
        expect(after.held).toBe(held);
        expect(after.ledger - after.held).toBeGreaterThanOrEqual(0);
        // Each refused amount was more than what is left even now: it could not have been paid.
        for (const amount of refused) expect(amount).toBeGreaterThan(after.available);

        const succeeded = [...byAttempt].filter(([, list]) => list[0].status === 200);
        expect(await prisma.operation.count({ where: { clientId: client.id } })).toBe(succeeded.filter(([i]) => attempts[i].kind === "retail").length);
        expect(await prisma.hold.count({ where: { clientId: client.id } })).toBe(succeeded.filter(([i]) => attempts[i].kind === "hold").length);
        expect(await prisma.ledgerEntry.count({ where: { clientId: client.id, kind: "spend" } })).toBe(
          succeeded.filter(([i]) => attempts[i].kind === "retail").length,
        );
      }),
      fcParams(runs),
    );
    // Every key's answer was stored: no placeholder left by a rolled-back or interrupted request.
    expect(await prisma.idempotencyRecord.count({ where: { scope: { startsWith: `${key.id}:` }, responseStatus: 0 } })).toBe(0);
  });

  it("50 tills spending the whole balance at once: exactly one wins", async () => {
    const level = await makeLevel({ percent: 5, maxSpendPercent: 100 });
    const point = await makePoint();
    const client = await makeClient({ levelId: level.id, balance: 777 });
    const api = till((await makeApiKey()).value);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => api.retail({ client: client.id, point: point.id, amount: PURCHASE_ROUBLES, spend: 777 }, { idempotencyKey: randomUUID() })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(49);
    expect((await getBalance({ clientId: client.id })).ledger).toBe(0);
  });
});
