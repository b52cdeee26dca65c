-- CreateTable
CREATE TABLE "OverviewSnapshot" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "data" JSONB NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OverviewSnapshot_pkey" PRIMARY KEY ("id")
);
