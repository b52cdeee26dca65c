-- The SQL that one `POST /integration/general/bonuses/hold` runs (1 point for 1 minute, with an
-- Idempotency-Key), statement for statement as the app sends it: API key from the in-process cache,
-- then one transaction: claim the idempotency key (the point check is cached too), lock the client with its level,
-- both balance sums, insert the hold, store the answer. Run like bench/retail.pgbench.sql.
\set c random(1, :clients)
\set p random(1, :points)
BEGIN;
INSERT INTO "IdempotencyRecord" (scope, key, "requestHash", "responseStatus", "responseBody")
  VALUES (:keyid || chr(58) || 'bonuses/hold', gen_random_uuid()::text, md5(random()::text) || md5(random()::text), 0, 'null'::jsonb)
  ON CONFLICT (scope, key) DO NOTHING RETURNING key \gset idem_
SELECT c.id, l.id AS "levelId", l.title, l.percent, l.type::text AS type, l."maxSpendPercent"
  FROM "LoyaltyClient" c JOIN "LoyaltyLevel" l ON l.id = c."levelId"
  WHERE c.id = 'bench-client-' || :c FOR UPDATE OF c;
SELECT
  (SELECT COALESCE(SUM(amount), 0) FROM "LedgerEntry" WHERE "clientId" = 'bench-client-' || :c)::int8 AS ledger,
  (SELECT COALESCE(SUM(amount), 0) FROM "Hold"
    WHERE "clientId" = 'bench-client-' || :c AND "releasedAt" IS NULL AND "until" > now()::timestamp
      AND NOT ("id" = ANY('{}'::text[])))::int8 AS held;
INSERT INTO "Hold" ("id", "clientId", "pointId", "amount", "until", "apiKeyId", "createdAt")
  VALUES (gen_random_uuid()::text, 'bench-client-' || :c, 'bench-point-' || :p, 1, now() + interval '1 minute', :keyid, now())
  RETURNING "id", "amount";
UPDATE "IdempotencyRecord" SET "responseStatus" = 200,
    "responseBody" = jsonb_build_object('success', true, 'held', jsonb_build_object('id', gen_random_uuid()::text, 'until', 0, 'amount', 1))
  WHERE (("scope" = :keyid || chr(58) || 'bonuses/hold' AND "key" = :idem_key) AND 1=1)
  RETURNING "scope", "key", "requestHash", "responseStatus", "responseBody", "createdAt";
COMMIT;
