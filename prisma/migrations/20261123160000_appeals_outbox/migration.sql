-- CreateEnum
CREATE TYPE "AppealSignatureMode" AS ENUM ('NAMED', 'CAMPAIGN');

-- CreateEnum
CREATE TYPE "AppealState" AS ENUM ('PENDING_CONFIRMATION', 'CONFIRMED', 'SENT', 'FAILED', 'EXPIRED', 'CANCELLED', 'HELD_DUPLICATE');

-- CreateEnum
CREATE TYPE "FollowUpAnswer" AS ENUM ('REPLIED', 'NO_REPLY');

-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('CONFIRMATION', 'REMINDER', 'APPEAL', 'GAVE_UP_NOTICE', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Official" ADD COLUMN     "institution" TEXT,
ADD COLUMN     "maxPerHour" INTEGER NOT NULL DEFAULT 20;

-- CreateTable
CREATE TABLE "AppealTemplate" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subjects" TEXT[],
    "openings" TEXT[],
    "arguments" TEXT[],
    "closings" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppealTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "officialId" TEXT NOT NULL,
    "prisonerId" TEXT,
    "language" TEXT NOT NULL,
    "linkOrigin" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT,
    "signatureMode" "AppealSignatureMode" NOT NULL,
    "signerName" TEXT,
    "signerTown" TEXT,
    "senderEmail" TEXT,
    "senderHash" TEXT NOT NULL,
    "replyToSupporter" BOOLEAN NOT NULL DEFAULT false,
    "state" "AppealState" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "reminderTokenHash" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "reminderSentAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "followUpConsent" BOOLEAN NOT NULL DEFAULT false,
    "followUpTokenHash" TEXT,
    "followUpAskedAt" TIMESTAMP(3),
    "followUpAnswer" "FollowUpAnswer",
    "idempotencyKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "purgedAt" TIMESTAMP(3),
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "kind" "OutboxKind" NOT NULL,
    "appealId" TEXT,
    "to" TEXT,
    "toHash" TEXT NOT NULL,
    "replyTo" TEXT,
    "subject" TEXT,
    "text" TEXT,
    "html" TEXT,
    "messageId" TEXT NOT NULL,
    "state" "OutboxState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "claimedBy" TEXT,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "addressHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("addressHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "AppealTemplate_campaignId_locale_key" ON "AppealTemplate"("campaignId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_tokenHash_key" ON "Appeal"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_reminderTokenHash_key" ON "Appeal"("reminderTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_followUpTokenHash_key" ON "Appeal"("followUpTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_idempotencyKey_key" ON "Appeal"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_messageId_key" ON "Appeal"("messageId");

-- CreateIndex
CREATE INDEX "Appeal_officialId_createdAt_idx" ON "Appeal"("officialId", "createdAt");

-- CreateIndex
CREATE INDEX "Appeal_campaignId_createdAt_idx" ON "Appeal"("campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "Appeal_senderHash_createdAt_idx" ON "Appeal"("senderHash", "createdAt");

-- CreateIndex
CREATE INDEX "Appeal_state_expiresAt_idx" ON "Appeal"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "Appeal_createdAt_idx" ON "Appeal"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_nextAttemptAt_idx" ON "OutboxMessage"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_appealId_idx" ON "OutboxMessage"("appealId");

-- CreateIndex
CREATE INDEX "OutboxMessage_kind_sentAt_idx" ON "OutboxMessage"("kind", "sentAt");

-- AddForeignKey
ALTER TABLE "AppealTemplate" ADD CONSTRAINT "AppealTemplate_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_officialId_fkey" FOREIGN KEY ("officialId") REFERENCES "Official"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_appealId_fkey" FOREIGN KEY ("appealId") REFERENCES "Appeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand: appeal templates are public content, and the per-official response
-- figures on campaign pages change when an appeal is sent or its follow-up answered, so
-- these bump the content revision (page caches are dropped). Submissions and outbox
-- traffic do not.
CREATE TRIGGER listy_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AppealTemplate"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_content_revision();
CREATE TRIGGER listy_appeal_figures_changed AFTER UPDATE OF "sentAt", "followUpAnswer" ON "Appeal"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_content_revision();
