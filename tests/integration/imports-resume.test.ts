import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { cancelImport } from "@/lib/imports/cancel-import";
import { runImport } from "@/lib/imports/run-import";
import { importsKey, status, upload } from "@/tests/helpers/imports-kit";
import { uid } from "@/tests/helpers/loyalty-kit";

let key: string;
beforeAll(async () => {
  key = await importsKey();
});

const ROWS = 30_000;
const BATCH = 100;

/** A file of fresh clients whose card numbers share a prefix, so the test can count exactly its own. */
function clientsFile(prefix: string): string {
  const lines = ["card_number;name;balance"];
  for (let i = 0; i < ROWS; i++) lines.push(`${prefix}-${i};Client ${i};5`);
  return `${lines.join("\n")}\n`;
}

function runChild(importId: string): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/run-import-child.ts", importId, String(BATCH)], { env: process.env, stdio: "ignore" });
  return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

async function waitForProgress(importId: string, atLeast: number) {
  for (let i = 0; i < 6000; i++) {
    const job = await prisma.import.findUniqueOrThrow({ where: { id: importId } });
    if (job.processed >= atLeast) return job;
    await sleep(10);
  }
  throw new Error("the child never committed a batch");
}

describe("an import's worker killed mid-import", () => {
  it("resumes from its last committed batch: every row once, no duplicate client or balance", async () => {
    const prefix = uid("KILL");
    const up = await upload(key, "clients", clientsFile(prefix));
    expect(up.status).toBe(202);
    const { child, exited } = runChild(up.json.id);
    await waitForProgress(up.json.id, 3 * BATCH);
    child.kill("SIGKILL");
    await exited;

    const killed = await prisma.import.findUniqueOrThrow({ where: { id: up.json.id } });
    expect(killed.state).toBe("running");
    expect(killed.processed).toBeGreaterThan(0);
    expect(killed.processed).toBeLessThan(ROWS);
    expect(killed.processed % BATCH).toBe(0);
    // Exactly the committed batches are in: nothing of the batch in flight.
    expect(await prisma.loyaltyClient.count({ where: { cardNumber: { startsWith: `${prefix}-` } } })).toBe(killed.processed);

    await runImport({ importId: up.json.id, batchRows: 1000 });
    const done = (await status(key, up.json.id)).json;
    expect(done).toMatchObject({ state: "done", total: ROWS, processed: ROWS, created: ROWS, updated: 0, failed: 0 });
    expect(await prisma.loyaltyClient.count({ where: { cardNumber: { startsWith: `${prefix}-` } } })).toBe(ROWS);
    expect(await prisma.ledgerEntry.count({ where: { importId: up.json.id } })).toBe(ROWS);
    const sum = await prisma.ledgerEntry.aggregate({ where: { importId: up.json.id }, _sum: { amount: true } });
    expect(sum._sum.amount).toBe(ROWS * 5);
  });
});

describe("cancelling an import", () => {
  it("stops a running import at its next batch; the batches written stay", async () => {
    const prefix = uid("CANCEL");
    const up = await upload(key, "clients", clientsFile(prefix));
    const { exited } = runChild(up.json.id);
    await waitForProgress(up.json.id, BATCH);
    await cancelImport({ id: up.json.id, actor: { id: null, label: "test" } });
    expect(await exited).toBe(0);
    const job = (await status(key, up.json.id)).json;
    expect(job.state).toBe("cancelled");
    expect(job.processed).toBeLessThan(ROWS);
    expect(job.finishedAt).not.toBeNull();
    expect(await prisma.loyaltyClient.count({ where: { cardNumber: { startsWith: `${prefix}-` } } })).toBe(job.processed);
    expect(await prisma.auditLog.count({ where: { action: "import.cancel", entityId: up.json.id } })).toBe(1);
    await expect(cancelImport({ id: up.json.id, actor: { id: null, label: "test" } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("cancels a queued import before it starts: its job then writes nothing", async () => {
    const up = await upload(key, "clients", "phone\n79990001122\n");
    await cancelImport({ id: up.json.id, actor: { id: null, label: "test" } });
    await runImport({ importId: up.json.id });
    expect((await status(key, up.json.id)).json).toMatchObject({ state: "cancelled", processed: 0, created: 0 });
    expect(await prisma.loyaltyClient.count({ where: { phone: "79990001122" } })).toBe(0);
  });
});
