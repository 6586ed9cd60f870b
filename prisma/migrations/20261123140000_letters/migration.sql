-- CreateEnum
CREATE TYPE "LetterRoute" AS ENUM ('MAILROOM', 'LETTER_BANK');

-- CreateEnum
CREATE TYPE "LetterState" AS ENUM ('QUEUED', 'PRINTED', 'POSTED', 'BANKED', 'HANDED_OVER', 'REJECTED');

-- CreateTable
CREATE TABLE "Letter" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "route" "LetterRoute" NOT NULL,
    "state" "LetterState" NOT NULL,
    "language" TEXT NOT NULL,
    "body" TEXT,
    "returnAddress" TEXT,
    "purgedAt" TIMESTAMP(3),
    "purgeAfter" TIMESTAMP(3),
    "createdOn" DATE NOT NULL,
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Letter_state_route_idx" ON "Letter"("state", "route");

-- CreateIndex
CREATE INDEX "Letter_purgeAfter_idx" ON "Letter"("purgeAfter");

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

