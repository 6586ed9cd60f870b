-- Officials as reviewed reference data: a back-office official is a draft until a second staff
-- member approves it, and every contact (email, web form, postal address) is proposed with its
-- source and date and approved by a second person before appeals use it.
CREATE TYPE "OfficialChannel" AS ENUM ('EMAIL', 'WEB_FORM', 'POSTAL');
CREATE TYPE "OfficialContactState" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REPLACED');

ALTER TABLE "Official" ADD COLUMN "webFormUrl" TEXT,
  ADD COLUMN "draft" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "createdById" TEXT,
  ADD COLUMN "contributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "approvedById" TEXT,
  ADD COLUMN "approvedAt" TIMESTAMP(3),
  ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

CREATE TABLE "OfficialContact" (
    "id" TEXT NOT NULL,
    "officialId" TEXT NOT NULL,
    "channel" "OfficialChannel" NOT NULL,
    "value" TEXT,
    "sourceId" TEXT,
    "reportedOn" DATE,
    "state" "OfficialContactState" NOT NULL,
    "authorId" TEXT,
    "reviewerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "OfficialContact_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "OfficialContact_officialId_state_idx" ON "OfficialContact"("officialId", "state");

ALTER TABLE "OfficialContact" ADD CONSTRAINT "OfficialContact_officialId_fkey" FOREIGN KEY ("officialId") REFERENCES "Official"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OfficialContact" ADD CONSTRAINT "OfficialContact_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
