// The server killed mid-load and restarted: tills fire purchases with Idempotency-Keys, the server
// process is SIGKILLed while requests are in flight, a new one starts, and the tills retry every
// request with the same key. Each key must have acted exactly once, every answer seen before the
// crash must be replayed unchanged, and the ledger must add up to the answers — nothing lost, nothing twice.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { makeApiKey, makeClient, makeLevel, makePoint } from "@/tests/helpers/loyalty-kit";
import { scaled } from "@/tests/reliability/kit/runs";

const root = path.resolve(__dirname, "../..");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** The retail handler in its own process (node --import tsx: a kill reaches the server itself, not a wrapper). */
async function startServer(): Promise<{ url: string; child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/reliability/kit/retail-server.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", RETAIL_REPLY_DELAY_MS: "150" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`retail server exited with ${code} before listening`)));
  });
  return { url: `http://127.0.0.1:${port}/integration/general/retail`, child, exited };
}

type Purchase = { key: string; body: { client: string; point: string; amount: number; spend: number } };
type Answer = { status: number; body: unknown; replayed: boolean };

async function send(url: string, apiKey: string, p: Purchase): Promise<Answer> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", apikey: apiKey, "Idempotency-Key": p.key },
    body: JSON.stringify(p.body),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: await res.json(), replayed: res.headers.get("idempotent-replayed") === "true" };
}

/** Sends `todo` with `concurrency` tills until done or until `stopAfter` answers have come back, then returns. */
async function fire(url: string, apiKey: string, todo: Purchase[], answers: Map<string, Answer>, opts: { concurrency: number; stopAfter?: number; onStop?: () => void }) {
  const queue = [...todo];
  let stopped = false;
  const till = async () => {
    while (!stopped && queue.length) {
      const p = queue.shift()!;
      try {
        const answer = await send(url, apiKey, p);
        if (!answers.has(p.key)) answers.set(p.key, answer);
        if (opts.stopAfter !== undefined && answers.size >= opts.stopAfter && !stopped) {
          stopped = true;
          opts.onStop?.();
        }
      } catch {
        // The server died under this request: the till will retry it with the same key.
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, till));
}

describe("server killed mid-load and restarted", () => {
  it("no lost or duplicated ledger entries; every key acts exactly once", { timeout: 240_000 }, async () => {
    const kills = scaled(1, 3);
    const total = scaled(150, 600);
    const level = await makeLevel({ percent: 5, maxSpendPercent: 100 });
    const point = await makePoint();
    const opening = 1000;
    const clients = await Promise.all(Array.from({ length: scaled(5, 10) }, () => makeClient({ levelId: level.id, balance: opening })));
    const key = await makeApiKey();
    const runId = Date.now().toString(36);
    // Each purchase has its own amount, so its operation can be found by amount; every third one spends points.
    const purchases: Purchase[] = Array.from({ length: total }, (_, j) => ({
      key: `kill-${runId}-${j}`,
      body: { client: clients[j % clients.length].id, point: point.id, amount: 1000 + j, spend: j % 3 === 0 ? 1 + (j % 97) : 0 },
    }));

    const answers = new Map<string, Answer>();
    let server = await startServer();
    for (let k = 1; k <= kills; k++) {
      // Kill when a share of the answers is in, while the other tills still have requests in flight.
      const target = Math.floor((total * k) / (kills + 1));
      const victim = server;
      await fire(victim.url, key.value, purchases.filter((p) => !answers.has(p.key)), answers, {
        concurrency: 16,
        stopAfter: target,
        onStop: () => victim.child.kill("SIGKILL"),
      });
      await victim.exited;
      // A killed connection's transaction is rolled back, placeholder row included: no key is left half-claimed.
      await expectEventually(async () => (await prisma.idempotencyRecord.count({ where: { scope: `${key.id}:retail`, responseStatus: 0 } })) === 0);
      server = await startServer();
    }
    const before = new Map(answers);
    expect(before.size).toBeLessThan(total);

    // The tills retry every request, answered or not, with the same key.
    const retried = new Map<string, Answer>();
    await fire(server.url, key.value, purchases, retried, { concurrency: 16 });
    expect(retried.size).toBe(total);
    for (const p of purchases) {
      const answer = retried.get(p.key)!;
      expect([200, 422], JSON.stringify(answer.body)).toContain(answer.status);
      if (answer.status === 422) expect(Object.keys(answer.body as object)).toEqual(["spend"]);
      const first = before.get(p.key);
      if (first) {
        expect(answer.replayed, p.key).toBe(true);
        expect({ status: answer.status, body: answer.body }).toStrictEqual({ status: first.status, body: first.body });
      }
    }

    // Exactly once per key: one stored answer each, one operation per accepted purchase, none for a refused one.
    const records = await prisma.idempotencyRecord.findMany({ where: { scope: `${key.id}:retail` }, select: { key: true, responseStatus: true } });
    expect(records).toHaveLength(total);
    expect(records.filter((r) => r.responseStatus === 0)).toEqual([]);
    const operations = await prisma.operation.findMany({
      where: { clientId: { in: clients.map((c) => c.id) } },
      select: { id: true, clientId: true, amountKopecks: true, spend: true, earn: true, ledger: { select: { kind: true, amount: true } } },
    });
    const byAmount = new Map(operations.map((o) => [`${o.clientId}:${o.amountKopecks}`, o]));
    expect(byAmount.size, "two operations for one purchase").toBe(operations.length);
    const expected = new Map(clients.map((c) => [c.id, opening]));
    for (const p of purchases) {
      const answer = retried.get(p.key)!;
      const op = byAmount.get(`${p.body.client}:${p.body.amount * 100}`);
      if (answer.status !== 200) {
        expect(op, `refused ${p.key} left an operation`).toBeUndefined();
        continue;
      }
      const retail = (answer.body as { retail: { spend?: number; earn?: number } }).retail;
      expect(op, `accepted ${p.key} has no operation`).toBeDefined();
      expect([op!.spend, op!.earn]).toEqual([retail.spend ?? 0, retail.earn ?? 0]);
      // One ledger entry per operation, of the answered size.
      expect(op!.ledger).toEqual([p.body.spend > 0 ? { kind: "spend", amount: -p.body.spend } : { kind: "earn", amount: retail.earn }]);
      expected.set(p.body.client, expected.get(p.body.client)! + (retail.earn ?? 0) - (retail.spend ?? 0));
    }
    expect(operations.length).toBe([...retried.values()].filter((a) => a.status === 200).length);
    for (const c of clients) {
      const { _sum } = await prisma.ledgerEntry.aggregate({ where: { clientId: c.id }, _sum: { amount: true } });
      expect(_sum.amount, `ledger of ${c.id}`).toBe(expected.get(c.id));
      expect(_sum.amount!).toBeGreaterThanOrEqual(0);
    }
  });
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}
