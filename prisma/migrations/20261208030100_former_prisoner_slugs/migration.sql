-- Former addresses of profiles whose slug was corrected before publication (decision 0017):
-- the public profile pages answer 301 from them to the current address.
-- CreateTable
CREATE TABLE "FormerPrisonerSlug" (
    "slug" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormerPrisonerSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "FormerPrisonerSlug_prisonerId_idx" ON "FormerPrisonerSlug"("prisonerId");

-- AddForeignKey
ALTER TABLE "FormerPrisonerSlug" ADD CONSTRAINT "FormerPrisonerSlug_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

