-- The SQL that one `POST /integration/general/retail` runs (spend 0 → earn, with an Idempotency-Key),
-- statement for statement as Prisma sends it (captured from the pg driver): the API key lookup, then
-- one transaction that claims the idempotency key, checks the point, locks the client row, reads the
-- level and the balance, writes the operation and its ledger entry, releases the client's holds at
-- the point and stores the answer. bench/run.mjs runs it as
--   pgbench -n -M extended -c 50 -j 2 -T <s> -D clients=N -D points=N -D keyhash=<sha256> -f bench/retail.pgbench.sql
-- so the ratio app/pgbench shows what the HTTP layer, Node and Prisma add on top of PostgreSQL.
-- pgbench takes any ":word" as a variable, even inside quotes: hence chr(58) for the scope's colon and
-- jsonb_build_object for the stored answer.
\set c random(1, :clients)
\set p random(1, :points)
\set amount random(10000, 500000)
SELECT "id", "name", "scopes", "revokedAt", "lastUsedAt" FROM "ApiKey" WHERE ("hash" = :keyhash AND 1=1) LIMIT 1 OFFSET 0 \gset key_
SELECT "apiKeyId", "pointId" FROM "ApiKeyPoint" WHERE "apiKeyId" = :key_id OFFSET 0;
BEGIN;
INSERT INTO "IdempotencyRecord" (scope, key, "requestHash", "responseStatus", "responseBody")
  VALUES (:key_id || chr(58) || 'retail', gen_random_uuid()::text, md5(random()::text) || md5(random()::text), 0, 'null'::jsonb)
  ON CONFLICT (scope, key) DO NOTHING RETURNING key \gset idem_
SELECT "id", "active" FROM "LoyaltyPoint" WHERE ("id" = 'bench-point-' || :p AND 1=1) LIMIT 1 OFFSET 0;
SELECT id FROM "LoyaltyClient" WHERE id = 'bench-client-' || :c FOR UPDATE;
SELECT "id", "levelId" FROM "LoyaltyClient" WHERE ("id" = 'bench-client-' || :c AND 1=1) LIMIT 1 OFFSET 0 \gset cl_
SELECT "id", "title", "percent", "type"::text, "maxSpendPercent" FROM "LoyaltyLevel" WHERE "id" = :cl_levelId OFFSET 0 \gset lv_
SELECT SUM("amount") AS "_sum$amount" FROM (SELECT "amount" FROM "LedgerEntry" WHERE "clientId" = 'bench-client-' || :c OFFSET 0) AS "sub";
SELECT SUM("amount") AS "_sum$amount" FROM (SELECT "amount" FROM "Hold"
  WHERE ("clientId" = 'bench-client-' || :c AND "releasedAt" IS NULL AND "until" > now()) OFFSET 0) AS "sub";
INSERT INTO "Operation" ("id", "clientId", "pointId", "apiKeyId", "amountKopecks", "totalKopecks", "spend", "earn", "percent", "type", "createdAt")
  VALUES (gen_random_uuid()::text, 'bench-client-' || :c, 'bench-point-' || :p, :key_id, :amount::int, :amount::int, 0,
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
  WHERE (("scope" = :key_id || chr(58) || 'retail' AND "key" = :idem_key) AND 1=1)
  RETURNING "scope", "key", "requestHash", "responseStatus", "responseBody", "createdAt";
COMMIT;
