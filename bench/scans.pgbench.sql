-- The SQL that one `POST /api/imshop/scans` runs for a new code (the bench's mix: half the codes
-- are of the auto-approving campaign, which credits points to the user's client in the same
-- transaction, half wait for staff), statement for statement as the app sends it: the settings come
-- from the in-process cache, then one transaction: the (user, barcode, timestamp) repeat check, the
-- campaigns listing the GTIN, the code's earlier holder, the insert; approved: the user's client
-- (created on its first scan) and the ledger credit. Run like bench/retail.pgbench.sql with
--   -D users=N -D gtin_auto=<GTIN of campaign 1> -D gtin_mod=<GTIN of campaign 2>
\set u random(0, :users - 1)
\set auto random(0, 1)
BEGIN;
SELECT "id", "success", "status"::text, "alertTitle", "alertMessage", "statusMessage" FROM "Scan"
  WHERE ("userId" = 'bench-user-' || :u AND "barcode" = md5(random()::text) AND "timestamp" = 1) LIMIT 1 OFFSET 0;
\if :auto
SELECT t0."campaignId", t1."id", t1."name", t1."bonusPoints", t1."autoApprove", t1."perUserDailyLimit", t1."texts", t1."startsAt", t1."endsAt", t1."active"
  FROM "CampaignGtin" t0 JOIN "Campaign" t1 ON t1."id" = t0."campaignId" WHERE t0."gtin" = :gtin_auto OFFSET 0;
\else
SELECT t0."campaignId", t1."id", t1."name", t1."bonusPoints", t1."autoApprove", t1."perUserDailyLimit", t1."texts", t1."startsAt", t1."endsAt", t1."active"
  FROM "CampaignGtin" t0 JOIN "Campaign" t1 ON t1."id" = t0."campaignId" WHERE t0."gtin" = :gtin_mod OFFSET 0;
\endif
SELECT gen_random_uuid()::text AS code \gset new_
SELECT "id" FROM "Scan" WHERE ("registeredCode" = :new_code AND 1=1) LIMIT 1 OFFSET 0;
INSERT INTO "Scan" ("id", "userId", "barcode", "timestamp", "code", "codeKind", "gtin", "serial", "decoded", "registeredCode",
    "status", "reason", "success", "alertTitle", "alertMessage", "statusMessage", "campaignId", "bonusPoints", "data", "version", "createdAt", "updatedAt")
  VALUES (gen_random_uuid()::text, 'bench-user-' || :u, :new_code, extract(epoch from now())::int, :new_code, 'gs1', CASE WHEN :auto = 1 THEN :gtin_auto ELSE :gtin_mod END, :new_code,
    jsonb_build_object('encoding', 'gs1', 'identity', 'x', 'symbology', NULL, 'separatorsInferred', false, 'elements', jsonb_build_array(),
      'summary', NULL, 'error', NULL, 'duplicateOfId', NULL),
    :new_code, CAST(CASE WHEN :auto = 1 THEN 'approved' ELSE 'processing' END AS "ScanStatus"), 'eligible', true,
    'Код принят', 'Баллы начислены', 'Принят', CASE WHEN :auto = 1 THEN 'bench-campaign-1' ELSE 'bench-campaign-2' END, 50, NULL, 1, now(), now())
  RETURNING "id", "success", "status"::text, "alertTitle", "alertMessage", "statusMessage" \gset scan_
\if :auto
SELECT "id" FROM "LoyaltyClient" WHERE ("imshopUserId" = 'bench-user-' || :u AND 1=1) LIMIT 1 OFFSET 0;
INSERT INTO "LedgerEntry" ("clientId", "kind", "amount", "scanId", "actorId", "reason", "createdAt")
  VALUES ('bench-client-' || (1 + :u), CAST('scan_credit' AS "LedgerKind"), 50, :scan_id, NULL, 'scan ' || :scan_id, now())
  RETURNING "id";
\endif
COMMIT;
