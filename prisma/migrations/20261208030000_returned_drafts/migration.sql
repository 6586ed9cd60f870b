-- Returned drafts (app/staff/profiles/profile-change-state.ts): a reviewer sends a draft back
-- to its authors with a reason; it stays a draft, marked RETURNED, until someone edits it.
-- AlterTable
ALTER TABLE "Prisoner" ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "returnedById" TEXT;

-- Only a draft is returned, and never without its reason.
ALTER TABLE "Prisoner" ADD CONSTRAINT "Prisoner_returned_draft_check" CHECK ("returnedAt" IS NULL OR ("draft" AND "returnReason" IS NOT NULL));

-- AddForeignKey
ALTER TABLE "Prisoner" ADD CONSTRAINT "Prisoner_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;
