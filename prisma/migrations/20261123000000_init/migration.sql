-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "FacilityKind" AS ENUM ('PENAL_COLONY', 'PRISON', 'PRE_TRIAL_DETENTION', 'OTHER');

-- CreateEnum
CREATE TYPE "PrisonerStatus" AS ENUM ('IN_CUSTODY', 'INCOMMUNICADO', 'RELEASED', 'IN_EXILE', 'DIED_IN_CUSTODY');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('CAN_RECEIVE', 'RELATIVES_ONLY', 'INCOMMUNICADO', 'UNKNOWN', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "NameScript" AS ENUM ('BE_CYRILLIC', 'RU_CYRILLIC', 'LATIN', 'VARIANT');

-- CreateEnum
CREATE TYPE "FactKind" AS ENUM ('ROLE', 'ARREST', 'SENTENCE', 'DETENTION', 'INCOMMUNICADO', 'RELEASE', 'EXILE', 'REARREST', 'DEATH', 'OTHER');

-- CreateEnum
CREATE TYPE "FigureMetric" AS ENUM ('POLITICAL_PRISONERS', 'RELEASED', 'ARRESTED', 'DIED_IN_CUSTODY', 'JOURNALISTS_IMPRISONED');

-- CreateEnum
CREATE TYPE "FigureQualifier" AS ENUM ('EXACT', 'AT_LEAST', 'MORE_THAN');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'CLOSED');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "publication" TEXT NOT NULL,
    "title" TEXT,
    "author" TEXT,
    "url" TEXT,
    "publishedOn" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Facility" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "FacilityKind" NOT NULL,
    "town" TEXT,
    "postcode" TEXT,
    "postalAddressCyrillic" TEXT,
    "postalAddressLatin" TEXT,

    CONSTRAINT "Facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FacilityTranslation" (
    "facilityId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "FacilityTranslation_pkey" PRIMARY KEY ("facilityId","locale")
);

-- CreateTable
CREATE TABLE "Prisoner" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "PrisonerStatus" NOT NULL,
    "letterStatus" "LetterStatus" NOT NULL DEFAULT 'UNKNOWN',
    "birthDate" DATE,
    "arrestedOn" DATE,
    "arrestedOnPrecision" "DatePrecision",
    "statusSince" DATE,
    "statusSincePrecision" "DatePrecision",
    "facilityId" TEXT,
    "lastVerifiedOn" DATE NOT NULL,
    "photoPath" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Prisoner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrisonerName" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "script" "NameScript" NOT NULL,
    "givenName" TEXT NOT NULL,
    "patronymic" TEXT,
    "familyName" TEXT NOT NULL,

    CONSTRAINT "PrisonerName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrisonerTranslation" (
    "prisonerId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "biography" TEXT,

    CONSTRAINT "PrisonerTranslation_pkey" PRIMARY KEY ("prisonerId","locale")
);

-- CreateTable
CREATE TABLE "PrisonerFact" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "kind" "FactKind" NOT NULL,
    "occurredOn" DATE,
    "datePrecision" "DatePrecision",
    "sourceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PrisonerFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactTranslation" (
    "factId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "FactTranslation_pkey" PRIMARY KEY ("factId","locale")
);

-- CreateTable
CREATE TABLE "ReportedFigure" (
    "id" TEXT NOT NULL,
    "metric" "FigureMetric" NOT NULL,
    "value" INTEGER NOT NULL,
    "qualifier" "FigureQualifier" NOT NULL DEFAULT 'EXACT',
    "countedBy" TEXT,
    "observedOn" DATE NOT NULL,
    "observedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "ReportedFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "goal" INTEGER,
    "deadline" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignTranslation" (
    "campaignId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "ask" TEXT NOT NULL,

    CONSTRAINT "CampaignTranslation_pkey" PRIMARY KEY ("campaignId","locale")
);

-- CreateTable
CREATE TABLE "CampaignPrisoner" (
    "campaignId" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CampaignPrisoner_pkey" PRIMARY KEY ("campaignId","prisonerId")
);

-- CreateTable
CREATE TABLE "Official" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "email" TEXT,
    "postalAddress" TEXT,
    "contactSource" TEXT,

    CONSTRAINT "Official_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialTranslation" (
    "officialId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL,

    CONSTRAINT "OfficialTranslation_pkey" PRIMARY KEY ("officialId","locale")
);

-- CreateTable
CREATE TABLE "CampaignTarget" (
    "campaignId" TEXT NOT NULL,
    "officialId" TEXT NOT NULL,

    CONSTRAINT "CampaignTarget_pkey" PRIMARY KEY ("campaignId","officialId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Facility_slug_key" ON "Facility"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Prisoner_slug_key" ON "Prisoner"("slug");

-- CreateIndex
CREATE INDEX "Prisoner_status_idx" ON "Prisoner"("status");

-- CreateIndex
CREATE INDEX "PrisonerName_prisonerId_idx" ON "PrisonerName"("prisonerId");

-- CreateIndex
CREATE INDEX "PrisonerFact_prisonerId_idx" ON "PrisonerFact"("prisonerId");

-- CreateIndex
CREATE INDEX "ReportedFigure_metric_observedOn_idx" ON "ReportedFigure"("metric", "observedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Official_slug_key" ON "Official"("slug");

-- AddForeignKey
ALTER TABLE "FacilityTranslation" ADD CONSTRAINT "FacilityTranslation_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prisoner" ADD CONSTRAINT "Prisoner_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerName" ADD CONSTRAINT "PrisonerName_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerTranslation" ADD CONSTRAINT "PrisonerTranslation_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerFact" ADD CONSTRAINT "PrisonerFact_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerFact" ADD CONSTRAINT "PrisonerFact_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactTranslation" ADD CONSTRAINT "FactTranslation_factId_fkey" FOREIGN KEY ("factId") REFERENCES "PrisonerFact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedFigure" ADD CONSTRAINT "ReportedFigure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTranslation" ADD CONSTRAINT "CampaignTranslation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignPrisoner" ADD CONSTRAINT "CampaignPrisoner_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignPrisoner" ADD CONSTRAINT "CampaignPrisoner_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialTranslation" ADD CONSTRAINT "OfficialTranslation_officialId_fkey" FOREIGN KEY ("officialId") REFERENCES "Official"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_officialId_fkey" FOREIGN KEY ("officialId") REFERENCES "Official"("id") ON DELETE CASCADE ON UPDATE CASCADE;

