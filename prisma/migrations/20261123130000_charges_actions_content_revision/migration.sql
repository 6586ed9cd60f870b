-- CreateEnum
CREATE TYPE "ActionKind" AS ENUM ('LETTER_WRITTEN', 'APPEAL_SENT', 'PLEDGE_MADE', 'POSTED_SELF_REPORT');

-- AlterTable
ALTER TABLE "Prisoner" ADD COLUMN     "sentenceMonths" INTEGER;

-- CreateTable
CREATE TABLE "ChargeType" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "article" TEXT,

    CONSTRAINT "ChargeType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChargeTypeTranslation" (
    "chargeTypeId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,

    CONSTRAINT "ChargeTypeTranslation_pkey" PRIMARY KEY ("chargeTypeId","locale")
);

-- CreateTable
CREATE TABLE "PrisonerCharge" (
    "prisonerId" TEXT NOT NULL,
    "chargeTypeId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "PrisonerCharge_pkey" PRIMARY KEY ("prisonerId","chargeTypeId")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "kind" "ActionKind" NOT NULL,
    "campaignId" TEXT,
    "prisonerId" TEXT,
    "language" TEXT NOT NULL,
    "country" TEXT,
    "day" DATE NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChargeType_slug_key" ON "ChargeType"("slug");

-- CreateIndex
CREATE INDEX "Action_prisonerId_kind_day_idx" ON "Action"("prisonerId", "kind", "day");

-- CreateIndex
CREATE INDEX "Action_campaignId_kind_day_idx" ON "Action"("campaignId", "kind", "day");

-- AddForeignKey
ALTER TABLE "ChargeTypeTranslation" ADD CONSTRAINT "ChargeTypeTranslation_chargeTypeId_fkey" FOREIGN KEY ("chargeTypeId") REFERENCES "ChargeType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerCharge" ADD CONSTRAINT "PrisonerCharge_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerCharge" ADD CONSTRAINT "PrisonerCharge_chargeTypeId_fkey" FOREIGN KEY ("chargeTypeId") REFERENCES "ChargeType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerCharge" ADD CONSTRAINT "PrisonerCharge_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Written by hand (Prisma does not model triggers): every change to public content bumps
-- the single ContentRevision row and notifies listeners, so page caches in every app
-- instance are dropped the moment content changes.
INSERT INTO "ContentRevision" ("id", "revision", "changedAt") VALUES (1, 0, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING;

CREATE FUNCTION listy_bump_content_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_revision BIGINT;
BEGIN
  UPDATE "ContentRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP
    WHERE "id" = 1 RETURNING "revision" INTO next_revision;
  PERFORM pg_notify('listy_content', next_revision::text);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  content_table TEXT;
BEGIN
  FOREACH content_table IN ARRAY ARRAY[
    'Source', 'Facility', 'FacilityTranslation', 'Prisoner', 'PrisonerName', 'PrisonerTranslation',
    'PrisonerFact', 'FactTranslation', 'ReportedFigure', 'Campaign', 'CampaignTranslation',
    'CampaignPrisoner', 'Official', 'OfficialTranslation', 'CampaignTarget', 'ChargeType',
    'ChargeTypeTranslation', 'PrisonerCharge', 'Action'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER listy_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_content_revision()',
      content_table
    );
  END LOOP;
END
$$;
