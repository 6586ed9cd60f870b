-- CreateEnum
CREATE TYPE "TranslationReview" AS ENUM ('REVIEWED', 'NEEDS_REVIEW');

-- CreateEnum
CREATE TYPE "PrisonerChangeState" AS ENUM ('PENDING', 'APPLIED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PrisonerChangeOrigin" AS ENUM ('EDITOR', 'IMPORT');

-- CreateEnum
CREATE TYPE "PrisonerImportState" AS ENUM ('CHECKED', 'APPLYING', 'APPLIED', 'FAILED');

-- AlterTable
ALTER TABLE "Prisoner" ADD COLUMN     "draft" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PrisonerTranslation" ADD COLUMN     "review" "TranslationReview" NOT NULL DEFAULT 'REVIEWED',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "CampaignTranslation" ADD COLUMN     "review" "TranslationReview" NOT NULL DEFAULT 'REVIEWED',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "PrisonerChange" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "origin" "PrisonerChangeOrigin" NOT NULL DEFAULT 'EDITOR',
    "state" "PrisonerChangeState" NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "note" TEXT,
    "reason" TEXT,
    "authorId" TEXT,
    "reviewerId" TEXT,
    "importId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "PrisonerChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrisonerPhoto" (
    "prisonerId" TEXT NOT NULL,
    "jpeg" BYTEA NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "credit" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrisonerPhoto_pkey" PRIMARY KEY ("prisonerId")
);

-- CreateTable
CREATE TABLE "PrisonerImport" (
    "id" TEXT NOT NULL,
    "staffId" TEXT,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "state" "PrisonerImportState" NOT NULL,
    "totalRows" INTEGER NOT NULL,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL,
    "content" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PrisonerImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PrisonerChange_prisonerId_createdAt_idx" ON "PrisonerChange"("prisonerId", "createdAt");

-- CreateIndex
CREATE INDEX "PrisonerChange_state_createdAt_idx" ON "PrisonerChange"("state", "createdAt");

-- CreateIndex
CREATE INDEX "PrisonerImport_createdAt_idx" ON "PrisonerImport"("createdAt");

-- AddForeignKey
ALTER TABLE "PrisonerChange" ADD CONSTRAINT "PrisonerChange_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerChange" ADD CONSTRAINT "PrisonerChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerChange" ADD CONSTRAINT "PrisonerChange_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerChange" ADD CONSTRAINT "PrisonerChange_importId_fkey" FOREIGN KEY ("importId") REFERENCES "PrisonerImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerPhoto" ADD CONSTRAINT "PrisonerPhoto_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerImport" ADD CONSTRAINT "PrisonerImport_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

