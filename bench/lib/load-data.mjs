// Realistic bench data in a few set-based statements (generate_series), so a million rows load in
// seconds rather than the hours row-by-row inserts through the app would take. Ids are predictable
// (bench-client-42, bench-user-7, BENCH-OFFER-9) so the load scripts and pgbench can address rows.
import { createHash } from "node:crypto";
import pg from "pg";

export const BENCH_API_KEY = "ick_bench_0123456789abcdef0123456789abcdef";
export const BENCH_WEBHOOK_KEY = "bench-imshop-webhook-key";
export const BENCH_API_KEY_ID = "bench-api-key";

/** Row counts: `scale` 1 is the size (100k clients, 1M scans, 1M orders, 10k offers). */
export function sizes(scale = 1) {
  const n = (v) => Math.max(10, Math.round(v * scale));
  return {
    clients: n(100_000),
    points: 20,
    scanUsers: n(50_000),
    scans: n(1_000_000),
    orders: n(1_000_000),
    offers: n(10_000),
    segments: n(2_000),
    campaigns: 10,
    gtinsPerCampaign: 100,
  };
}

/** GS1 mod-10 check digit (weights 3,1,3,… from the right), as lib/barcode/gtin.ts computes it. */
export function gs1CheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(body.length - 1 - i) - 48) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** Campaign c's GTINs: 14 digits with a valid check digit, so the decoder takes them for products. */
export function campaignGtins(campaign, count) {
  return Array.from({ length: count }, (_, i) => {
    const body = `0460${String(campaign).padStart(3, "0")}${String(i).padStart(6, "0")}`;
    return body + gs1CheckDigit(body);
  });
}

export const sha256Hex = (s) => createHash("sha256").update(s).digest("hex");

/**
 * Loads everything into a freshly migrated database. Returns what the load scripts need to know
 * (sizes, the GTINs of the auto-approving and the moderated campaign) and the time each step took.
 */
export async function loadData(databaseUrl, { scale = 1, log = () => {} } = {}) {
  const s = sizes(scale);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const timings = [];
  const step = async (name, sql, params = []) => {
    const t = performance.now();
    const res = await db.query(sql, params);
    const ms = Math.round(performance.now() - t);
    timings.push({ name, ms, rows: res.rowCount });
    log(`  ${name}: ${res.rowCount ?? 0} rows in ${(ms / 1000).toFixed(1)} s`);
  };
  try {
    // Bulk load only: losing it in a crash costs nothing, and it halves the WAL flush waits.
    await db.query("SET synchronous_commit = off");
    await db.query("SET maintenance_work_mem = '256MB'");
    // The rows are consistent by construction: skip the per-row foreign-key triggers (superuser only)
    // and build the big tables' secondary indexes once at the end instead of row by row.
    await db.query("SET session_replication_role = replica");
    const big = ["LoyaltyClient", "Operation", "LedgerEntry", "Hold", "Scan", "Order", "Offer", "OfferSegment", "OfferUser", "OfferRedemption"];
    const indexes = await dropSecondaryIndexes(db, big);
    await loadSettings(step);
    await loadLoyalty(step, s);
    const gtins = await loadCampaigns(step, s);
    await loadScans(step, s);
    await loadOrders(step, s);
    await loadOffers(step, s);
    for (const { name, def } of indexes) await step(`index ${name}`, def);
    await db.query("SET session_replication_role = origin");
    // Like tables that autovacuum has settled: statistics, and visibility maps for index-only scans.
    await step("vacuum analyze", "VACUUM (ANALYZE)");
    return { sizes: s, gtins, timings };
  } finally {
    await db.end();
  }
}

/** Drops every index of `tables` that no constraint owns (primary keys stay); returns their definitions. */
async function dropSecondaryIndexes(db, tables) {
  const { rows } = await db.query(
    `SELECT i.indexname AS name, i.indexdef AS def
     FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const { name } of rows) await db.query(`DROP INDEX "${name}"`);
  return rows;
}

async function loadSettings(step) {
  await step(
    "settings and API key",
    `WITH settings AS (
       INSERT INTO "ImshopSettings" (id, "inboundKeyHash", "inboundKeyHint", "allowedIps", "updatedAt")
       VALUES (1, $1, 'bench', '{}', now())
       ON CONFLICT (id) DO UPDATE SET "inboundKeyHash" = EXCLUDED."inboundKeyHash", "allowedIps" = '{}'
       RETURNING id)
     INSERT INTO "ApiKey" (id, name, prefix, hash, scopes, "createdAt")
     SELECT 'bench-api-key', 'bench till', $3, $2, ARRAY['loyalty','orders','offers'], now() FROM settings`,
    [sha256Hex(BENCH_WEBHOOK_KEY), sha256Hex(BENCH_API_KEY), BENCH_API_KEY.slice(0, 12)],
  );
}

async function loadLoyalty(step, s) {
  await step(
    "loyalty levels and points",
    `WITH levels AS (
       INSERT INTO "LoyaltyLevel" (id, title, percent, type, "maxSpendPercent", "isDefault", "sortOrder", "updatedAt") VALUES
         ('bench-level-0', 'Базовый', 5, 'cashback', 50, true, 0, now()),
         ('bench-level-1', 'Серебряный', 7, 'cashback', 50, false, 1, now()),
         ('bench-level-2', 'Золотой', 10, 'cashback', 100, false, 2, now()),
         ('bench-level-3', 'Сотрудник', 15, 'discount', 0, false, 3, now())
       RETURNING id)
     INSERT INTO "LoyaltyPoint" (id, name, address, "updatedAt")
     SELECT 'bench-point-' || i, 'Магазин ' || i, 'ул. Тестовая, ' || i, now() FROM generate_series(1, $1) i`,
    [s.points],
  );
  // Mostly cashback levels; one client in 50 is on the discount level.
  await step(
    "loyalty clients",
    `INSERT INTO "LoyaltyClient" (id, name, phone, email, "cardNumber", "appCode", "imshopUserId", "levelId", birthday, "createdAt", "updatedAt")
     SELECT 'bench-client-' || i, 'Клиент ' || i, (79000000000 + i)::text, 'client' || i || '@example.com',
            'CARD' || lpad(i::text, 10, '0'), 'APP' || i, NULL,
            'bench-level-' || CASE WHEN i % 50 = 0 THEN 3 ELSE i % 3 END,
            date '1970-01-01' + (i % 15000), now() - (i % 1000) * interval '1 day', now()
     FROM generate_series(1, $1) i`,
    [s.clients],
  );
  // Two past purchases per client, each with its earn entry, after an opening balance.
  await step(
    "loyalty operations",
    `INSERT INTO "Operation" (id, "clientId", "pointId", "amountKopecks", "totalKopecks", spend, earn, percent, type, "createdAt")
     SELECT 'bench-op-' || i || '-' || k, 'bench-client-' || i, 'bench-point-' || (1 + (i + k) % $2),
            100000 + (i::bigint * 7919 + k) % 900000, 100000 + (i::bigint * 7919 + k) % 900000, 0,
            (100000 + (i::bigint * 7919 + k) % 900000) * 5 / 10000, 5, 'cashback', now() - ((i + k * 37) % 700) * interval '1 day'
     FROM generate_series(1, $1) i, generate_series(1, 2) k`,
    [s.clients, s.points],
  );
  await step(
    "loyalty ledger",
    `INSERT INTO "LedgerEntry" ("clientId", kind, amount, reason, "operationId", "createdAt")
     SELECT 'bench-client-' || i, 'adjustment'::"LedgerKind", 500 + i % 1000, 'opening balance', NULL, now() - interval '800 days'
     FROM generate_series(1, $1) i
     UNION ALL
     SELECT "clientId", 'earn', earn, NULL, id, "createdAt" FROM "Operation" WHERE id LIKE 'bench-op-%'`,
    [s.clients],
  );
  await step(
    "loyalty holds (expired and released)",
    `INSERT INTO "Hold" (id, "clientId", "pointId", amount, until, "releasedAt", "releaseReason", "createdAt")
     SELECT 'bench-hold-' || i, 'bench-client-' || (i * 97 % $1 + 1), 'bench-point-' || (1 + i % $2), 50,
            now() - interval '1 day', CASE WHEN i % 2 = 0 THEN now() - interval '1 day' END,
            CASE WHEN i % 2 = 0 THEN 'operation' END, now() - interval '1 day'
     FROM generate_series(1, $1 / 20) i`,
    [s.clients, s.points],
  );
}

async function loadCampaigns(step, s) {
  const all = [];
  for (let c = 1; c <= s.campaigns; c++) for (const gtin of campaignGtins(c, s.gtinsPerCampaign)) all.push([c, gtin]);
  // Campaign 1 approves at once (points credited in the request), the others wait for staff.
  await step(
    "campaigns and GTINs",
    `WITH campaigns AS (
       INSERT INTO "Campaign" (id, name, "startsAt", "endsAt", "bonusPoints", "autoApprove", active, "updatedAt")
       SELECT 'bench-campaign-' || c, 'Акция ' || c, now() - interval '400 days', now() + interval '400 days', 50, c = 1, true, now()
       FROM generate_series(1, $1) c
       RETURNING id)
     INSERT INTO "CampaignGtin" ("campaignId", gtin)
     SELECT 'bench-campaign-' || c, g FROM unnest($2::int[], $3::text[]) AS t(c, g)`,
    [s.campaigns, all.map((a) => a[0]), all.map((a) => a[1])],
  );
  return { autoApprove: campaignGtins(1, s.gtinsPerCampaign), moderated: campaignGtins(2, s.gtinsPerCampaign) };
}

async function loadScans(step, s) {
  // A year of scans, one every ~31 s; 70% approved, 10% waiting for staff, 20% denied as duplicates.
  // The GTIN list is joined by hash on a constant modulus (a nested loop would cost a billion comparisons).
  await step(
    "scans",
    `WITH g AS (SELECT (row_number() OVER (ORDER BY "campaignId", gtin) - 1)::int AS k, gtin FROM "CampaignGtin"),
     r AS (
       SELECT i, g.gtin, 'S' || lpad(to_hex(i), 12, '0') AS serial,
              now() - ($1 - i) * interval '31.5 seconds' AS at,
              CASE WHEN i % 10 < 7 THEN 'approved' WHEN i % 10 = 7 THEN 'processing' ELSE 'denied' END AS st
       FROM generate_series(1, $1) i JOIN g ON g.k = i % $3)
     INSERT INTO "Scan" (id, "userId", barcode, timestamp, code, "codeKind", gtin, serial, "registeredCode", status, reason,
                         success, "statusMessage", "campaignId", "bonusPoints", version, "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, 'bench-user-' || (i % $2), '01' || gtin || '21' || serial || chr(29) || '93AbCd',
            extract(epoch FROM at)::int, '(01)' || gtin || '(21)' || serial || '(93)AbCd', 'gs1', gtin, serial,
            CASE WHEN st <> 'denied' THEN '(01)' || gtin || '(21)' || serial END,
            st::"ScanStatus", CASE st WHEN 'denied' THEN 'duplicate' WHEN 'approved' THEN 'moderated' ELSE 'eligible' END,
            st <> 'denied', CASE st WHEN 'approved' THEN 'Начислено 50 баллов' WHEN 'denied' THEN 'Код уже зарегистрирован' ELSE 'На проверке' END,
            'bench-campaign-' || (1 + i % 10), 50, CASE WHEN st = 'approved' THEN 2 ELSE 1 END, at, at
     FROM r`,
    [s.scans, s.scanUsers, s.campaigns * s.gtinsPerCampaign],
  );
}

async function loadOrders(step, s) {
  await step(
    "order statuses",
    `INSERT INTO "OrderStatus" (code, description, "buyerText", "imshopStatus", cancellable, final, "cancelTargetCode", "sortOrder", "updatedAt") VALUES
       ('new', 'Новый', 'Заказ принят', 'new', true, false, 'cancelled', 10, now()),
       ('confirmed', 'Подтверждён', 'Заказ подтверждён', 'confirmed', true, false, 'cancelled', 30, now()),
       ('packed', 'Собран', 'Готов к выдаче', 'ready_for_pickup', true, false, 'cancelled', 40, now()),
       ('shipped', 'Передан в доставку', 'Заказ в пути', 'in_delivery', false, false, NULL, 50, now()),
       ('delivered', 'Выдан покупателю', 'Заказ получен', 'completed', false, true, NULL, 60, now()),
       ('cancelled', 'Отменён', 'Заказ отменён', 'canceled', false, true, NULL, 70, now())
     ON CONFLICT (code) DO NOTHING`,
  );
  await step(
    "orders",
    `INSERT INTO "Order" (id, uuid, "internalId", "userId", "totalKopecks", "itemsSummary", "statusCode", "statusMessage",
                          "imshopStatus", "orderCreatedAt", version, "createdAt", "updatedAt")
     SELECT 'bench-order-' || i, gen_random_uuid()::text, 'ORD-' || lpad(i::text, 8, '0'), 'bench-user-' || (i % $2),
            99000 + (i::bigint * 7919) % 5000000, 'Товар ' || (i % 997) || ' × ' || (1 + i % 3),
            (ARRAY['new','confirmed','packed','shipped','delivered','delivered','delivered','cancelled'])[1 + i % 8],
            NULL, NULL, now() - ($1 - i) * interval '31.5 seconds', 1 + i % 4,
            now() - ($1 - i) * interval '31.5 seconds', now()
     FROM generate_series(1, $1) i`,
    [s.orders, s.scanUsers],
  );
}

async function loadOffers(step, s) {
  await step(
    "segments",
    `INSERT INTO "Segment" (id, name, source, "createdAt", "lastSeenAt")
     SELECT 'bench-seg-' || i, 'Сегмент ' || i, 'imshop', now() - interval '30 days', now() - interval '1 day'
     FROM generate_series(1, $1) i`,
    [s.segments],
  );
  // 10 offers for everyone, 5% for user lists, the rest for segments; 10% expired, 5% switched off.
  await step(
    "offers",
    `INSERT INTO "Offer" (id, name, description, "promocodeMode", promocode, "barcodeType", online, offline,
                          "startsAt", "expiresAt", targeting, active, "createdAt", "updatedAt")
     SELECT 'BENCH-OFFER-' || i, 'Предложение ' || i, 'Скидка ' || (5 + i % 30) || '% на категорию ' || (i % 40),
            'shared', 'PROMO' || i, 'code128', true, i % 3 <> 0,
            now() - interval '10 days',
            CASE WHEN i % 10 = 9 THEN now() - interval '1 day' WHEN i % 10 < 5 THEN now() + interval '60 days' END,
            (CASE WHEN i <= 10 THEN 'everyone' WHEN i % 20 = 1 THEN 'users' ELSE 'segments' END)::"OfferTargeting",
            i % 20 <> 7, now() - (i % 100) * interval '1 hour', now()
     FROM generate_series(1, $1) i`,
    [s.offers],
  );
  await step(
    "offer segments",
    `INSERT INTO "OfferSegment" ("offerId", "segmentId")
     SELECT DISTINCT o.id, 'bench-seg-' || (1 + (substr(o.id, 13)::int * m) % $1)
     FROM "Offer" o, (VALUES (7), (13)) AS k(m)
     WHERE o.targeting = 'segments' AND o.id LIKE 'BENCH-OFFER-%'`,
    [s.segments],
  );
  await step(
    "offer user lists",
    `INSERT INTO "OfferUser" ("offerId", "userId")
     SELECT o.id, 'bench-user-' || ((substr(o.id, 13)::int * 101 + u) % $1)
     FROM "Offer" o, generate_series(1, 100) u
     WHERE o.targeting = 'users' AND o.id LIKE 'BENCH-OFFER-%'
     ON CONFLICT DO NOTHING`,
    [s.scanUsers],
  );
  await step(
    "offer redemptions",
    `INSERT INTO "OfferRedemption" (id, "offerId", "userId", code, source, "createdAt")
     SELECT 'bench-red-' || i, 'BENCH-OFFER-' || (1 + i % 10), 'bench-user-' || (i * 31 % $1), 'PROMO' || (1 + i % 10), 'api', now()
     FROM generate_series(1, $1 / 5) i
     ON CONFLICT DO NOTHING`,
    [s.scanUsers],
  );
}
