// The HTTP scenarios: one request shape each, with a per-request counter so bodies vary the way real
// traffic does (a new code per scan, many users, many clients) instead of hammering one cached row.
import { BENCH_API_KEY, BENCH_WEBHOOK_KEY } from "./load-data.mjs";

const GS = "\u001d";
const json = { "content-type": "application/json" };
const imshop = { ...json, authorization: `Bearer ${BENCH_WEBHOOK_KEY}` };
const till = { ...json, apikey: BENCH_API_KEY };

/** A cheap well-spread integer hash (Knuth's multiplicative), so consecutive requests hit far-apart rows. */
const spread = (k, n, salt = 0) => Number((BigInt(k + 1) * 2654435761n + BigInt(salt) * 40503n) % BigInt(n));

/**
 * Each scenario: `method`, `path`, `headers`, and `body(k)` for the k-th request (k counts across
 * the whole run); `rate` caps the offered load (req/s) instead of sending as fast as answers come.
 * `info` names what varies, for the report.
 */
export function scenarios({ sizes, gtins, nonce, retailRate = 100 }) {
  const user = (k, salt) => `bench-user-${spread(k, sizes.scanUsers, salt)}`;
  const client = (k) => 1 + spread(k, sizes.clients, 3);
  const point = (k) => `bench-point-${1 + spread(k, sizes.points, 5)}`;
  const amount = (k) => 100 + spread(k, 4900, 7) + (k % 100) / 100;
  // Clients on the discount level (every 50th) cannot hold points: the hold scenario skips them.
  const holdClient = (k) => {
    const c = client(k);
    return c % 50 === 0 ? c - 1 : c;
  };
  return {
    floor: { method: "GET", path: "/api/health/live", info: "the framework's floor: a route handler that touches no database" },
    health: { method: "GET", path: "/api/health", info: "one SELECT 1 through Prisma" },
    scans: {
      method: "POST",
      path: "/api/imshop/scans",
      headers: imshop,
      info: "a new marking code per request; half auto-approved (points credited), half left for staff",
      body: (k) => {
        const list = k % 2 === 0 ? gtins.autoApprove : gtins.moderated;
        const gtin = list[spread(k, list.length, 11)];
        const serial = `R${nonce}${k.toString(36).padStart(8, "0")}`;
        return { barcode: `01${gtin}21${serial}${GS}93Xy${k % 10}Z`, userId: user(k, 1), timestamp: Math.floor(Date.now() / 1000) };
      },
    },
    history: {
      method: "POST",
      path: "/api/imshop/scans/history",
      headers: imshop,
      info: `one of ${sizes.scanUsers} users, ~${Math.round(sizes.scans / sizes.scanUsers)} scans each`,
      body: (k) => ({ userId: user(k, 2) }),
    },
    offers: {
      method: "POST",
      path: "/api/imshop/offers",
      headers: imshop,
      info: `one of ${sizes.scanUsers} users in 3 of ${sizes.segments} segments, ${sizes.offers} offers`,
      body: (k) => ({
        userId: user(k, 4),
        segments: [0, 1, 2].map((j) => {
          const id = `bench-seg-${1 + spread(k * 3 + j, sizes.segments, 13)}`;
          return { id, name: `Сегмент ${id.slice(10)}` };
        }),
      }),
    },
    client: {
      method: "POST",
      path: "/integration/general/client",
      headers: till,
      info: `search by phone among ${sizes.clients} clients`,
      body: (k) => ({ search: `+7 ${String(9000000000 + client(k))}`, point: point(k) }),
    },
    recalc: {
      method: "POST",
      path: "/integration/general/recalc",
      headers: till,
      info: `one of ${sizes.clients} clients`,
      body: (k) => ({ client: `bench-client-${client(k)}`, point: point(k), amount: amount(k) }),
    },
    retail: {
      method: "POST",
      path: "/integration/general/retail",
      headers: till,
      idempotent: true,
      info: `spend 0 → earn, one of ${sizes.clients} clients, a fresh Idempotency-Key each`,
      body: (k) => ({ client: `bench-client-${client(k)}`, point: point(k), amount: amount(k), spend: 0 }),
    },
    hold: {
      method: "POST",
      path: "/integration/general/bonuses/hold",
      headers: till,
      idempotent: true,
      info: `1 point for 1 minute, one of ${sizes.clients} clients (cashback levels), a fresh Idempotency-Key each`,
      body: (k) => ({ client: `bench-client-${holdClient(k)}`, point: point(k), amount: 1, duration: 1 }),
    },
    // Tills do not fire back to back: the same purchases at a fixed rate show the latency a till sees.
    "retail-paced": {
      method: "POST",
      path: "/integration/general/retail",
      headers: till,
      idempotent: true,
      rate: retailRate,
      info: `as retail, but offered at a steady ${retailRate} req/s (open loop) instead of as fast as answers come`,
      body: (k) => ({ client: `bench-client-${client(k)}`, point: point(k), amount: amount(k), spend: 0 }),
    },
    "retail-hot": {
      method: "POST",
      path: "/integration/general/retail",
      headers: till,
      idempotent: true,
      info: "every request on ONE client: the row lock serialises them",
      body: (k) => ({ client: "bench-client-1", point: point(k), amount: amount(k), spend: 0 }),
    },
  };
}
