-- Facilities and charge types as reviewed reference data (app/staff/reference/): a draft is
-- never shown publicly; rows that exist already were entered from sourced facts, so they are APPROVED.
-- CreateEnum
CREATE TYPE "ReferenceState" AS ENUM ('DRAFT', 'APPROVED');

-- CreateEnum
CREATE TYPE "ReferenceChangeState" AS ENUM ('PENDING', 'APPLIED', 'REJECTED');

-- AlterTable
ALTER TABLE "Facility" ADD COLUMN     "reviewState" "ReferenceState" NOT NULL DEFAULT 'APPROVED',
ADD COLUMN     "sources" TEXT;

-- AlterTable
ALTER TABLE "ChargeType" ADD COLUMN     "reviewState" "ReferenceState" NOT NULL DEFAULT 'APPROVED';

-- CreateTable
CREATE TABLE "ReferenceChange" (
    "id" TEXT NOT NULL,
    "facilityId" TEXT,
    "chargeTypeId" TEXT,
    "state" "ReferenceChangeState" NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "reason" TEXT,
    "authorId" TEXT,
    "contributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reviewerId" TEXT,
    "importId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ReferenceChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferenceChange_facilityId_createdAt_idx" ON "ReferenceChange"("facilityId", "createdAt");

-- CreateIndex
CREATE INDEX "ReferenceChange_chargeTypeId_createdAt_idx" ON "ReferenceChange"("chargeTypeId", "createdAt");

-- CreateIndex
CREATE INDEX "ReferenceChange_state_createdAt_idx" ON "ReferenceChange"("state", "createdAt");

-- AddForeignKey
ALTER TABLE "ReferenceChange" ADD CONSTRAINT "ReferenceChange_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceChange" ADD CONSTRAINT "ReferenceChange_chargeTypeId_fkey" FOREIGN KEY ("chargeTypeId") REFERENCES "ChargeType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceChange" ADD CONSTRAINT "ReferenceChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceChange" ADD CONSTRAINT "ReferenceChange_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceChange" ADD CONSTRAINT "ReferenceChange_importId_fkey" FOREIGN KEY ("importId") REFERENCES "PrisonerImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

