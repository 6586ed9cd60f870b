-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "unsubscribe" TEXT;

-- CreateTable
CREATE TABLE "PledgeTicketUse" (
    "key" TEXT NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "PledgeTicketUse_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "PledgeTicketUse_day_idx" ON "PledgeTicketUse"("day");

-- CreateTable
CREATE TABLE "PledgeIntake" (
    "id" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "claimedAt" TIMESTAMP(3),

    CONSTRAINT "PledgeIntake_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PledgeIntake_createdAt_idx" ON "PledgeIntake"("createdAt");
