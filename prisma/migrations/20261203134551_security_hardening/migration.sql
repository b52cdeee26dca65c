-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "rateLimitPerMinute" INTEGER;

-- AlterTable
ALTER TABLE "LoyaltyClient" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ApiKeyUsage" (
    "apiKeyId" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiKeyUsage_pkey" PRIMARY KEY ("apiKeyId","windowStart")
);

-- CreateIndex
CREATE INDEX "ApiKeyUsage_windowStart_idx" ON "ApiKeyUsage"("windowStart");

-- CreateIndex
CREATE INDEX "AuthThrottle_firstFailureAt_idx" ON "AuthThrottle"("firstFailureAt");
