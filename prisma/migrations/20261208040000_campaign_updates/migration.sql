-- Campaign updates: short dated news of a campaign in one or more languages, reviewed before
-- they are public (app/campaigns/campaign-update-state.ts).
CREATE TYPE "CampaignUpdateState" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETURNED');

CREATE TABLE "CampaignUpdate" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "state" "CampaignUpdateState" NOT NULL DEFAULT 'DRAFT',
    "authorId" TEXT,
    "reviewerId" TEXT,
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "CampaignUpdate_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CampaignUpdateTranslation" (
    "updateId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "CampaignUpdateTranslation_pkey" PRIMARY KEY ("updateId","locale")
);

CREATE INDEX "CampaignUpdate_campaignId_state_publishedAt_idx" ON "CampaignUpdate"("campaignId", "state", "publishedAt");
CREATE INDEX "CampaignUpdate_state_publishedAt_idx" ON "CampaignUpdate"("state", "publishedAt");

ALTER TABLE "CampaignUpdate" ADD CONSTRAINT "CampaignUpdate_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CampaignUpdate" ADD CONSTRAINT "CampaignUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CampaignUpdate" ADD CONSTRAINT "CampaignUpdate_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CampaignUpdateTranslation" ADD CONSTRAINT "CampaignUpdateTranslation_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "CampaignUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma does not model triggers): updates are public content, so any change
-- drops the page and feed caches, like every other campaign text (20261123130000 migration).
CREATE TRIGGER listy_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CampaignUpdate"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_content_revision();
CREATE TRIGGER listy_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CampaignUpdateTranslation"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_content_revision();
