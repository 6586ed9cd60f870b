-- CreateEnum
CREATE TYPE "PledgeKind" AS ENUM ('WRITE_MONTHLY', 'BIRTHDAY_CARD', 'CAMPAIGN_PLEDGE', 'EVENT');

-- CreateEnum
CREATE TYPE "PledgeState" AS ENUM ('PENDING_CONFIRMATION', 'ACTIVE', 'FULFILLED', 'LAPSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PrivacyRequestKind" AS ENUM ('EXPORT', 'ERASE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboxKind" ADD VALUE 'PLEDGE_CONFIRMATION';
ALTER TYPE "OutboxKind" ADD VALUE 'PLEDGE_REMINDER';
ALTER TYPE "OutboxKind" ADD VALUE 'PRIVACY_LINK';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "pledgeId" TEXT;

-- CreateTable
CREATE TABLE "CampaignEvent" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignEventTranslation" (
    "eventId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT NOT NULL,

    CONSTRAINT "CampaignEventTranslation_pkey" PRIMARY KEY ("eventId","locale")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "kind" "PledgeKind" NOT NULL,
    "campaignId" TEXT,
    "prisonerId" TEXT,
    "eventId" TEXT,
    "state" "PledgeState" NOT NULL,
    "language" TEXT NOT NULL,
    "country" TEXT,
    "linkOrigin" TEXT,
    "emailHash" TEXT,
    "email" TEXT,
    "confirmTokenHash" TEXT,
    "manageTokenHash" TEXT,
    "expiresAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "confirmSentAt" TIMESTAMP(3),
    "remindersOn" BOOLEAN NOT NULL DEFAULT true,
    "remindersOffAt" TIMESTAMP(3),
    "lastReminderAt" TIMESTAMP(3),
    "nextReminderAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeCounter" (
    "scope" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "kind" "PledgeKind" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PledgeCounter_pkey" PRIMARY KEY ("scope","scopeId","kind")
);

-- CreateTable
CREATE TABLE "PrivacyRequest" (
    "id" TEXT NOT NULL,
    "kind" "PrivacyRequestKind" NOT NULL,
    "emailHash" TEXT,
    "tokenHash" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrivacyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CampaignEvent_campaignId_startsAt_idx" ON "CampaignEvent"("campaignId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_confirmTokenHash_key" ON "Pledge"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_manageTokenHash_key" ON "Pledge"("manageTokenHash");

-- CreateIndex
CREATE INDEX "Pledge_emailHash_idx" ON "Pledge"("emailHash");

-- CreateIndex
CREATE INDEX "Pledge_state_nextReminderAt_idx" ON "Pledge"("state", "nextReminderAt");

-- CreateIndex
CREATE INDEX "Pledge_state_expiresAt_idx" ON "Pledge"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "Pledge_prisonerId_kind_state_idx" ON "Pledge"("prisonerId", "kind", "state");

-- CreateIndex
CREATE INDEX "Pledge_campaignId_kind_state_idx" ON "Pledge"("campaignId", "kind", "state");

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyRequest_tokenHash_key" ON "PrivacyRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "PrivacyRequest_emailHash_createdAt_idx" ON "PrivacyRequest"("emailHash", "createdAt");

-- CreateIndex
CREATE INDEX "PrivacyRequest_expiresAt_idx" ON "PrivacyRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_pledgeId_idx" ON "OutboxMessage"("pledgeId");

-- CreateIndex
CREATE INDEX "OutboxMessage_toHash_idx" ON "OutboxMessage"("toHash");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignEvent" ADD CONSTRAINT "CampaignEvent_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignEventTranslation" ADD CONSTRAINT "CampaignEventTranslation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CampaignEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CampaignEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma cannot express it): one live pledge per email address (its keyed
-- hash) and target. Withdrawn pledges and anonymous ones (no hash) are left out, so a
-- supporter may pledge again after withdrawing.
CREATE UNIQUE INDEX "Pledge_one_per_email_and_target" ON "Pledge" (
  "emailHash", "kind", COALESCE("campaignId", ''), COALESCE("prisonerId", ''), COALESCE("eventId", '')
) WHERE "emailHash" IS NOT NULL AND "state" <> 'WITHDRAWN';

-- Counters are shown on cached public pages: a change must drop those caches, like every
-- other content table (see the 20261123130000 migration). Statement-level, so a purge that
-- touches many rows bumps the revision once.
CREATE TRIGGER listy_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PledgeCounter"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_content_revision();
CREATE TRIGGER listy_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CampaignEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_content_revision();
CREATE TRIGGER listy_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CampaignEventTranslation"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_content_revision();
