// IMSHOP down, slow, refusing our key, hanging — then healthy again — while staff keep moderating
// scans and merchant systems keep changing order statuses. With the real worker pushing to the fake
// IMSHOP, every change that is not replaced by a newer one before it could be sent is delivered
// exactly once, each entity's pushes arrive in order, and IMSHOP ends up with every entity's latest state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { moderateScans } from "@/lib/scans/moderate-scan";
import { registerScan } from "@/lib/scans/register-scan";
import { POST as upsertRoute } from "@/app/api/orders/route";
import { POST as statusRoute } from "@/app/api/orders/status/route";
import { callRoute } from "@/tests/helpers/call-route";
import { orderStatusAnswer, startFakeImshop, type FakeImshop, type FakeMode, type FakeRequest } from "@/tests/helpers/fake-imshop";
import { configureImshop, resetOutbox, sleep, startTestWorker, stopTestWorkers, waitUntil } from "@/tests/helpers/outbox-kit";
import { createApiKey, ensureStatuses, freshUuid, uid } from "@/tests/helpers/orders-kit";
import { freshGtin, makeCampaign, phoneUser, shoeCode } from "@/tests/helpers/scans-kit";
import { scaled } from "@/tests/reliability/kit/runs";

const PHASE_MS = scaled(1500, 4000);
// What IMSHOP does, phase after phase; the last one lasts until the end.
const PHASES: { name: string; answer: (req: FakeRequest) => FakeMode }[] = [
  { name: "down (503)", answer: () => 503 },
  { name: "connection dropped", answer: () => "drop" },
  { name: "slow (answers after 300 ms)", answer: (req) => ({ ...ok(req), delayMs: 300 }) },
  { name: "refuses our key (401)", answer: () => 401 },
  { name: "hangs (our timeout fires)", answer: () => "hang" },
  { name: "flaky: every other request 500", answer: (req) => (req.at % 2 === 0 ? 500 : ok(req)) },
  { name: "healthy", answer: (req) => ok(req) },
];

function ok(req: FakeRequest): { status: number; body?: object } {
  if (req.path !== "/order-status") return { status: 204 };
  const id = String((req.body as { id?: string }).id);
  return { status: 200, body: { ...orderStatusAnswer(req), uuid: id, imshopStatus: `imshop_${(req.body as { code?: string }).code}` } };
}

let fake: FakeImshop;
let startedAt = 0;
/** Requests the fake answered with a 2xx: what IMSHOP accepted. */
const accepted: FakeRequest[] = [];

const phaseNow = () => PHASES[Math.min(PHASES.length - 1, Math.floor((Date.now() - startedAt) / PHASE_MS))];

beforeAll(async () => {
  fake = await startFakeImshop();
  await resetOutbox();
  // Timeout above the slow phase's delay, so a slow answer is an answer, not a timeout and a retry.
  await configureImshop(fake, { timeoutMs: 1000, maxAttempts: 200, backoffBaseMs: 50, backoffMaxMs: 400, circuitFailureThreshold: 5, circuitProbeAfterMs: 300 });
  const responder = (req: FakeRequest): FakeMode => {
    const mode = phaseNow().answer(req);
    if (typeof mode === "object" && "status" in mode && mode.status < 300) accepted.push(req);
    return mode;
  };
  fake.respondWith(responder, "/scan-status");
  fake.respondWith(responder, "/order-status");
});
afterAll(async () => {
  await stopTestWorkers();
  await fake.close();
});

/** Every change carries a unique message, so IMSHOP's side can tell which change each push reports. */
const label = (entity: string, change: number) => `${entity} change ${change}`;
const parse = (req: FakeRequest) => {
  const body = req.body as { statusMessage?: string; message?: string };
  const m = /^(\S+) change (\d+)$/.exec(body.statusMessage ?? body.message ?? "");
  return m ? { entity: m[1], change: Number(m[2]) } : null;
};

describe("IMSHOP down, slow, 401, hanging, then healthy", () => {
  it("delivers every change exactly once and in order", { timeout: 180_000 }, async () => {
    const scans = scaled(8, 30);
    const orders = scaled(8, 30);
    const rounds = PHASES.length - 1;
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], autoApprove: false, bonusPoints: 5 });
    const scanIds: string[] = [];
    for (let i = 0; i < scans; i++) {
      const { scanId } = await registerScan({ barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: Math.floor(Date.now() / 1000) });
      scanIds.push(scanId);
    }
    await ensureStatuses();
    const headers = { apikey: await createApiKey(["orders"]) };
    const orderUuids = Array.from({ length: orders }, () => freshUuid());
    const codes = ["new", "confirmed", "packed", "shipped", "confirmed", "packed", "shipped"];

    startedAt = Date.now();
    await startTestWorker({ concurrency: 4 });
    // One change per entity per phase while IMSHOP misbehaves; each round waits for the previous one.
    for (let round = 0; round < rounds; round++) {
      const phaseEnds = startedAt + (round + 1) * PHASE_MS;
      await Promise.all([
        ...scanIds.map((id) =>
          moderateScans({ ids: [id], decision: round % 2 === 0 ? "approved" : "denied", message: label(id, round), actor: { id: null, label: "reliability" } }),
        ),
        ...orderUuids.map(async (uuid) => {
          const res =
            round === 0
              ? await callRoute(upsertRoute, { body: { uuid, internalId: uid("REL"), code: codes[0], message: label(uuid, round) }, headers })
              : await callRoute(statusRoute, { body: { id: uuid, code: codes[round], message: label(uuid, round) }, headers });
          expect(res.status, JSON.stringify(res.json)).toBe(200);
        }),
      ]);
      // Timers may fire a millisecond early; land safely inside the next phase, not on its boundary.
      await sleep(Math.max(0, phaseEnds - Date.now()) + 20);
    }
    expect(phaseNow().name).toBe("healthy");

    const entities = [...scanIds, ...orderUuids];
    const ourDeliveries = async () => {
      const orderRows = await prisma.order.findMany({ where: { uuid: { in: orderUuids } }, select: { id: true, uuid: true } });
      const entityIds = [...scanIds, ...orderRows.map((o) => o.id)];
      return prisma.delivery.findMany({ where: { entityId: { in: entityIds } }, orderBy: [{ entityId: "asc" }, { entityVersion: "asc" }] });
    };
    await waitUntil(async () => (await ourDeliveries()).every((d) => d.state !== "pending"), 90_000, "every delivery settled");
    const deliveries = await ourDeliveries();

    // Nothing given up on: each change was either delivered or replaced by a newer one before it went out.
    expect(deliveries.filter((d) => d.state !== "delivered" && d.state !== "superseded").map((d) => `${d.id} ${d.state} ${d.lastError}`)).toEqual([]);

    const receipts = fake.requests.filter((r) => parse(r) && entities.includes(parse(r)!.entity));
    const acceptedOurs = accepted.filter((r) => parse(r) && entities.includes(parse(r)!.entity));
    for (const entity of entities) {
      const seen = receipts.filter((r) => parse(r)!.entity === entity).map((r) => parse(r)!.change);
      const got = acceptedOurs.filter((r) => parse(r)!.entity === entity).map((r) => parse(r)!.change);
      // In order: never an older change after a newer one, even among failed attempts.
      expect(seen, `${entity} pushes in arrival order`).toEqual([...seen].sort((a, b) => a - b));
      // Exactly once: no change accepted twice, and the latest one accepted.
      expect(new Set(got).size, `${entity} accepted ${got.join(",")}`).toBe(got.length);
      expect(got.at(-1), `${entity}: latest change reached IMSHOP`).toBe(rounds - 1);
    }
    // The log agrees with IMSHOP: delivered ⇔ accepted once; superseded ⇒ never accepted.
    for (const d of deliveries) {
      const message = (d.payload as { statusMessage?: string; message?: string }).statusMessage ?? (d.payload as { message?: string }).message;
      const times = acceptedOurs.filter((r) => ((r.body as { statusMessage?: string }).statusMessage ?? (r.body as { message?: string }).message) === message).length;
      expect(times, `${d.state} delivery of "${message}"`).toBe(d.state === "delivered" ? 1 : 0);
    }
    // And IMSHOP's last word on each entity is the portal's current state.
    for (const id of scanIds) {
      const scan = await prisma.scan.findUniqueOrThrow({ where: { id }, select: { status: true } });
      const last = acceptedOurs.filter((r) => (r.body as { id: string }).id === id).at(-1)!;
      expect((last.body as { status: string }).status).toBe(scan.status);
    }
    for (const uuid of orderUuids) {
      const order = await prisma.order.findUniqueOrThrow({ where: { uuid }, select: { statusCode: true } });
      const last = acceptedOurs.filter((r) => (r.body as { id: string }).id === uuid).at(-1)!;
      expect((last.body as { code: string }).code).toBe(order.statusCode);
    }
    // The outage really was felt: pushes were refused, dropped or timed out before the healthy phase.
    expect(fake.requests.length).toBeGreaterThan(acceptedOurs.length);
  });
});
