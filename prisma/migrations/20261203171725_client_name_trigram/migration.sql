-- CreateIndex
CREATE INDEX "LoyaltyClient_name_trgm_idx" ON "LoyaltyClient" USING GIN ("name" gin_trgm_ops);
