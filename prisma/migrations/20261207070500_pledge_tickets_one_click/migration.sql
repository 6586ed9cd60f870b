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
