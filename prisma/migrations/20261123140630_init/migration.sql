-- CreateEnum
CREATE TYPE "Role" AS ENUM ('staff', 'admin');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('processing', 'approved', 'denied');

-- CreateEnum
CREATE TYPE "LevelType" AS ENUM ('cashback', 'discount');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('earn', 'spend', 'scan_credit', 'adjustment', 'reversal');

-- CreateEnum
CREATE TYPE "ChangeSource" AS ENUM ('staff', 'api', 'imshop', 'system');

-- CreateEnum
CREATE TYPE "OfferTargeting" AS ENUM ('everyone', 'segments', 'users');

-- CreateEnum
CREATE TYPE "PromocodeMode" AS ENUM ('shared', 'pool');

-- CreateEnum
CREATE TYPE "DeliveryKind" AS ENUM ('scan_status', 'order_status');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('pending', 'delivered', 'failed', 'dead', 'superseded');

-- CreateEnum
CREATE TYPE "CircuitMode" AS ENUM ('closed', 'open', 'half_open', 'paused');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'staff',
    "locale" TEXT NOT NULL DEFAULT 'ru',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "firstFailureAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "AuthThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "bonusPoints" INTEGER NOT NULL,
    "autoApprove" BOOLEAN NOT NULL DEFAULT false,
    "perUserDailyLimit" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "texts" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignGtin" (
    "campaignId" TEXT NOT NULL,
    "gtin" TEXT NOT NULL,

    CONSTRAINT "CampaignGtin_pkey" PRIMARY KEY ("campaignId","gtin")
);

-- CreateTable
CREATE TABLE "Scan" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "barcode" TEXT NOT NULL,
    "timestamp" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "codeKind" TEXT NOT NULL,
    "gtin" TEXT,
    "serial" TEXT,
    "decoded" JSONB,
    "registeredCode" TEXT,
    "status" "ScanStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "alertTitle" TEXT,
    "alertMessage" TEXT,
    "statusMessage" TEXT,
    "campaignId" TEXT,
    "bonusPoints" INTEGER,
    "data" JSONB,
    "moderatedById" TEXT,
    "moderatedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyPoint" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyLevel" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "type" "LevelType" NOT NULL DEFAULT 'cashback',
    "maxSpendPercent" INTEGER NOT NULL DEFAULT 100,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyClient" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "photo" TEXT,
    "birthday" DATE,
    "phone" TEXT,
    "email" TEXT,
    "cardNumber" TEXT,
    "appCode" TEXT,
    "imshopUserId" TEXT,
    "levelId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "clientId" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT,
    "operationId" TEXT,
    "scanId" TEXT,
    "reversesId" BIGINT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hold" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "pointId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "releasedAt" TIMESTAMP(3),
    "releaseReason" TEXT,
    "apiKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Hold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Operation" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "pointId" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "amountKopecks" INTEGER NOT NULL,
    "totalKopecks" INTEGER NOT NULL,
    "spend" INTEGER NOT NULL DEFAULT 0,
    "earn" INTEGER NOT NULL DEFAULT 0,
    "percent" INTEGER NOT NULL,
    "type" "LevelType" NOT NULL,
    "refundedAt" TIMESTAMP(3),
    "refundedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Operation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKeyPoint" (
    "apiKeyId" TEXT NOT NULL,
    "pointId" TEXT NOT NULL,

    CONSTRAINT "ApiKeyPoint_pkey" PRIMARY KEY ("apiKeyId","pointId")
);

-- CreateTable
CREATE TABLE "OrderStatus" (
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "buyerText" TEXT NOT NULL,
    "imshopStatus" TEXT,
    "cancellable" BOOLEAN NOT NULL DEFAULT false,
    "final" BOOLEAN NOT NULL DEFAULT false,
    "cancelTargetCode" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderStatus_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "UnmappedStatusCode" (
    "code" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnmappedStatusCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "uuid" TEXT,
    "internalId" TEXT NOT NULL,
    "userId" TEXT,
    "totalKopecks" INTEGER NOT NULL DEFAULT 0,
    "itemsSummary" TEXT,
    "statusCode" TEXT NOT NULL,
    "statusMessage" TEXT,
    "trackingUrl" TEXT,
    "imshopStatus" TEXT,
    "orderCreatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderStatusChange" (
    "id" BIGSERIAL NOT NULL,
    "orderId" TEXT NOT NULL,
    "fromCode" TEXT,
    "toCode" TEXT NOT NULL,
    "message" TEXT,
    "trackingUrl" TEXT,
    "source" "ChangeSource" NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'admin',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "promocodeMode" "PromocodeMode" NOT NULL DEFAULT 'shared',
    "promocode" TEXT,
    "barcodeType" TEXT NOT NULL DEFAULT 'code128',
    "online" BOOLEAN NOT NULL DEFAULT true,
    "offline" BOOLEAN NOT NULL DEFAULT true,
    "startsAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "targeting" "OfferTargeting" NOT NULL DEFAULT 'everyone',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferSegment" (
    "offerId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,

    CONSTRAINT "OfferSegment_pkey" PRIMARY KEY ("offerId","segmentId")
);

-- CreateTable
CREATE TABLE "OfferUser" (
    "offerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "OfferUser_pkey" PRIMARY KEY ("offerId","userId")
);

-- CreateTable
CREATE TABLE "OfferCode" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "assignedUserId" TEXT,
    "assignedAt" TIMESTAMP(3),

    CONSTRAINT "OfferCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferRedemption" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferRedemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImshopSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "scanStatusUrl" TEXT,
    "orderStatusUrl" TEXT,
    "outboundKeyEncrypted" TEXT,
    "outboundKeyHint" TEXT,
    "outboundKeyHeader" TEXT NOT NULL DEFAULT 'Authorization',
    "inboundKeyHash" TEXT,
    "inboundKeyHint" TEXT,
    "inboundKeyPreviousHash" TEXT,
    "inboundKeyPreviousUntil" TIMESTAMP(3),
    "allowedIps" TEXT[],
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "maxAttempts" INTEGER NOT NULL DEFAULT 12,
    "backoffBaseMs" INTEGER NOT NULL DEFAULT 2000,
    "backoffMaxMs" INTEGER NOT NULL DEFAULT 3600000,
    "circuitFailureThreshold" INTEGER NOT NULL DEFAULT 5,
    "circuitProbeAfterMs" INTEGER NOT NULL DEFAULT 60000,
    "deliveryLogRetentionDays" INTEGER NOT NULL DEFAULT 30,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImshopSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "kind" "DeliveryKind" NOT NULL,
    "entityId" TEXT NOT NULL,
    "entityVersion" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "response" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" BIGSERIAL NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "attemptNo" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "requestBody" JSONB NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Circuit" (
    "kind" "DeliveryKind" NOT NULL,
    "mode" "CircuitMode" NOT NULL DEFAULT 'closed',
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMP(3),
    "probeAt" TIMESTAMP(3),
    "lastError" TEXT,
    "configAlert" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Circuit_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_disabled_idx" ON "User"("role", "disabled");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_createdAt_idx" ON "AuditLog"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE INDEX "Campaign_active_startsAt_endsAt_idx" ON "Campaign"("active", "startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "CampaignGtin_gtin_idx" ON "CampaignGtin"("gtin");

-- CreateIndex
CREATE UNIQUE INDEX "Scan_registeredCode_key" ON "Scan"("registeredCode");

-- CreateIndex
CREATE INDEX "Scan_userId_timestamp_idx" ON "Scan"("userId", "timestamp" DESC);

-- CreateIndex
CREATE INDEX "Scan_status_createdAt_id_idx" ON "Scan"("status", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Scan_campaignId_createdAt_idx" ON "Scan"("campaignId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Scan_createdAt_id_idx" ON "Scan"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Scan_code_idx" ON "Scan"("code");

-- CreateIndex
CREATE INDEX "Scan_gtin_idx" ON "Scan"("gtin");

-- CreateIndex
CREATE UNIQUE INDEX "Scan_userId_barcode_timestamp_key" ON "Scan"("userId", "barcode", "timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyClient_phone_key" ON "LoyaltyClient"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyClient_cardNumber_key" ON "LoyaltyClient"("cardNumber");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyClient_appCode_key" ON "LoyaltyClient"("appCode");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyClient_imshopUserId_key" ON "LoyaltyClient"("imshopUserId");

-- CreateIndex
CREATE INDEX "LoyaltyClient_name_idx" ON "LoyaltyClient"("name");

-- CreateIndex
CREATE INDEX "LoyaltyClient_createdAt_id_idx" ON "LoyaltyClient"("createdAt" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_reversesId_key" ON "LedgerEntry"("reversesId");

-- CreateIndex
CREATE INDEX "LedgerEntry_clientId_createdAt_idx" ON "LedgerEntry"("clientId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_operationId_idx" ON "LedgerEntry"("operationId");

-- CreateIndex
CREATE INDEX "LedgerEntry_scanId_idx" ON "LedgerEntry"("scanId");

-- CreateIndex
CREATE INDEX "LedgerEntry_kind_createdAt_idx" ON "LedgerEntry"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "Hold_clientId_releasedAt_until_idx" ON "Hold"("clientId", "releasedAt", "until");

-- CreateIndex
CREATE INDEX "Hold_pointId_clientId_idx" ON "Hold"("pointId", "clientId");

-- CreateIndex
CREATE INDEX "Operation_clientId_createdAt_idx" ON "Operation"("clientId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Operation_pointId_createdAt_idx" ON "Operation"("pointId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Operation_createdAt_id_idx" ON "Operation"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "Order_uuid_key" ON "Order"("uuid");

-- CreateIndex
CREATE UNIQUE INDEX "Order_internalId_key" ON "Order"("internalId");

-- CreateIndex
CREATE INDEX "Order_statusCode_orderCreatedAt_idx" ON "Order"("statusCode", "orderCreatedAt" DESC);

-- CreateIndex
CREATE INDEX "Order_userId_orderCreatedAt_idx" ON "Order"("userId", "orderCreatedAt" DESC);

-- CreateIndex
CREATE INDEX "Order_orderCreatedAt_id_idx" ON "Order"("orderCreatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "OrderStatusChange_orderId_createdAt_idx" ON "OrderStatusChange"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "Offer_active_targeting_expiresAt_idx" ON "Offer"("active", "targeting", "expiresAt");

-- CreateIndex
CREATE INDEX "OfferSegment_segmentId_idx" ON "OfferSegment"("segmentId");

-- CreateIndex
CREATE INDEX "OfferUser_userId_idx" ON "OfferUser"("userId");

-- CreateIndex
CREATE INDEX "OfferCode_offerId_assignedUserId_idx" ON "OfferCode"("offerId", "assignedUserId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferCode_offerId_code_key" ON "OfferCode"("offerId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "OfferCode_offerId_assignedUserId_key" ON "OfferCode"("offerId", "assignedUserId");

-- CreateIndex
CREATE INDEX "OfferRedemption_userId_idx" ON "OfferRedemption"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferRedemption_offerId_userId_key" ON "OfferRedemption"("offerId", "userId");

-- CreateIndex
CREATE INDEX "Delivery_state_createdAt_idx" ON "Delivery"("state", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Delivery_kind_state_createdAt_idx" ON "Delivery"("kind", "state", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Delivery_entityId_createdAt_idx" ON "Delivery"("entityId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Delivery_createdAt_id_idx" ON "Delivery"("createdAt" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_kind_entityId_entityVersion_key" ON "Delivery"("kind", "entityId", "entityVersion");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_deliveryId_attemptNo_idx" ON "DeliveryAttempt"("deliveryId", "attemptNo");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_startedAt_idx" ON "DeliveryAttempt"("startedAt");

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignGtin" ADD CONSTRAINT "CampaignGtin_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scan" ADD CONSTRAINT "Scan_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyClient" ADD CONSTRAINT "LoyaltyClient_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "LoyaltyLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "LoyaltyClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "Operation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "LedgerEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "LoyaltyClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "LoyaltyPoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Operation" ADD CONSTRAINT "Operation_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "LoyaltyClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Operation" ADD CONSTRAINT "Operation_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "LoyaltyPoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeyPoint" ADD CONSTRAINT "ApiKeyPoint_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeyPoint" ADD CONSTRAINT "ApiKeyPoint_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "LoyaltyPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderStatusChange" ADD CONSTRAINT "OrderStatusChange_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferSegment" ADD CONSTRAINT "OfferSegment_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferSegment" ADD CONSTRAINT "OfferSegment_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferUser" ADD CONSTRAINT "OfferUser_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferCode" ADD CONSTRAINT "OfferCode_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferRedemption" ADD CONSTRAINT "OfferRedemption_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
