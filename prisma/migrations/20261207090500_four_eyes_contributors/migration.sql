-- Four eyes (app/staff/campaigns/campaign-state.ts, content-translations.server.ts): who wrote
-- to a campaign before publication, and to a content translation since its last review.

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "contributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "CampaignTranslation" ADD COLUMN     "contributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "PrisonerTranslation" ADD COLUMN     "contributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Backfill what the audit log already knows: campaigns not yet published get everyone who
-- created, edited or submitted them, or saved one of their texts in the translation workspace.
UPDATE "Campaign" c SET "contributorIds" = ARRAY(
    SELECT DISTINCT x.id FROM (
        SELECT c."createdById" AS id
        UNION SELECT c."submittedById"
        UNION SELECT a."staffId" FROM "AuditLogEntry" a
            WHERE a."subjectType" = 'Campaign' AND a."subjectId" = c."id"
              AND a."action" IN ('campaign.created', 'campaign.edited', 'campaign.submitted')
        UNION SELECT a."staffId" FROM "AuditLogEntry" a
            WHERE a."subjectType" = 'CampaignTranslation' AND a."subjectId" LIKE c."id" || '/%'
              AND a."action" = 'translation.content.save'
    ) x WHERE x.id IS NOT NULL
)
WHERE c."status" IN ('DRAFT', 'IN_REVIEW');

-- Texts waiting for review get whoever saved them in the workspace since their last review.
UPDATE "CampaignTranslation" t SET "contributorIds" = ARRAY(
    SELECT DISTINCT a."staffId" FROM "AuditLogEntry" a
    WHERE a."subjectType" = 'CampaignTranslation' AND a."subjectId" = t."campaignId" || '/' || t."locale"
      AND a."action" = 'translation.content.save' AND a."staffId" IS NOT NULL
      AND a."createdAt" > COALESCE((SELECT max(r."createdAt") FROM "AuditLogEntry" r
          WHERE r."subjectType" = a."subjectType" AND r."subjectId" = a."subjectId" AND r."action" = 'translation.content.review'), '-infinity')
)
WHERE t."review" = 'NEEDS_REVIEW';

UPDATE "PrisonerTranslation" t SET "contributorIds" = ARRAY(
    SELECT DISTINCT a."staffId" FROM "AuditLogEntry" a
    WHERE a."subjectType" = 'PrisonerTranslation' AND a."subjectId" = t."prisonerId" || '/' || t."locale"
      AND a."action" = 'translation.content.save' AND a."staffId" IS NOT NULL
      AND a."createdAt" > COALESCE((SELECT max(r."createdAt") FROM "AuditLogEntry" r
          WHERE r."subjectType" = a."subjectType" AND r."subjectId" = a."subjectId" AND r."action" = 'translation.content.review'), '-infinity')
)
WHERE t."review" = 'NEEDS_REVIEW';
