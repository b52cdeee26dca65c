-- The SQL that one `POST /integration/general/retail` runs (spend 0 → earn, with an Idempotency-Key),
-- statement for statement as the app sends it now: the API key comes from the in-process cache (no
-- statement), then one transaction that claims the idempotency key (the point check is cached too), locks the client
-- row and reads its level (one statement), reads both balance sums (one statement), writes the
-- operation and its ledger entry, releases the client's holds at the point and stores the answer.
-- bench/run.mjs runs it as
--   pgbench -n -M extended -c 50 -j 2 -T <s> -D clients=N -D points=N -D keyid=<api key id> -f bench/retail.pgbench.sql
-- so the ratio app/pgbench shows what the HTTP layer, Node and Prisma add on top of PostgreSQL.
-- (The 2026-11-23 version of this file, with the 13 statements retail sent then, is in git history.)
-- pgbench takes any ":word" as a variable, even inside quotes: hence chr(58) for the scope's colon and
-- jsonb_build_object for the stored answer.
\set c random(1, :clients)
\set p random(1, :points)
\set amount random(10000, 500000)
BEGIN;
INSERT INTO "IdempotencyRecord" (scope, key, "requestHash", "responseStatus", "responseBody")
  VALUES (:keyid || chr(58) || 'retail', gen_random_uuid()::text, md5(random()::text) || md5(random()::text), 0, 'null'::jsonb)
  ON CONFLICT (scope, key) DO NOTHING RETURNING key \gset idem_
SELECT c.id, l.id AS "levelId", l.title, l.percent, l.type::text AS type, l."maxSpendPercent"
  FROM "LoyaltyClient" c JOIN "LoyaltyLevel" l ON l.id = c."levelId"
  WHERE c.id = 'bench-client-' || :c FOR UPDATE OF c \gset lv_
SELECT
  (SELECT COALESCE(SUM(amount), 0) FROM "LedgerEntry" WHERE "clientId" = 'bench-client-' || :c)::int8 AS ledger,
  (SELECT COALESCE(SUM(amount), 0) FROM "Hold"
    WHERE "clientId" = 'bench-client-' || :c AND "releasedAt" IS NULL AND "until" > now()::timestamp
      AND NOT ("id" = ANY('{}'::text[])))::int8 AS held;
INSERT INTO "Operation" ("id", "clientId", "pointId", "apiKeyId", "amountKopecks", "totalKopecks", "spend", "earn", "percent", "type", "createdAt")
  VALUES (gen_random_uuid()::text, 'bench-client-' || :c, 'bench-point-' || :p, :keyid, :amount::int, :amount::int, 0,
          :amount::int * :lv_percent::int / 10000, :lv_percent::int, CAST(:lv_type::text AS "LevelType"), now())
  RETURNING "id" \gset op_
INSERT INTO "LedgerEntry" ("clientId", "kind", "amount", "operationId", "createdAt")
  VALUES ('bench-client-' || :c, CAST('earn' AS "LedgerKind"), GREATEST(1, :amount::int * :lv_percent::int / 10000), :op_id, now())
  RETURNING "id", "clientId", "kind"::text, "amount", "reason", "operationId", "scanId", "reversesId", "actorId", "createdAt";
UPDATE "Hold" SET "releasedAt" = now(), "releaseReason" = 'operation'
  WHERE ("clientId" = 'bench-client-' || :c AND "releasedAt" IS NULL AND "until" > now() AND "pointId" = 'bench-point-' || :p);
UPDATE "IdempotencyRecord" SET "responseStatus" = 200,
    "responseBody" = jsonb_build_object('success', true, 'retail', jsonb_build_object('amount', :amount::int / 100.0,
      'total', :amount::int / 100.0, 'percent', :lv_percent::int, 'type', :lv_type::text, 'earn', :amount::int * :lv_percent::int / 10000))
  WHERE (("scope" = :keyid || chr(58) || 'retail' AND "key" = :idem_key) AND 1=1)
  RETURNING "scope", "key", "requestHash", "responseStatus", "responseBody", "createdAt";
COMMIT;
