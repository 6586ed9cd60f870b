-- CreateEnum
CREATE TYPE "InterfaceProposalState" AS ENUM ('PENDING', 'APPLIED', 'REJECTED');

-- CreateTable
CREATE TABLE "InterfaceProposal" (
    "id" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "state" "InterfaceProposalState" NOT NULL DEFAULT 'PENDING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT,
    "editorIds" TEXT[],
    "reviewerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "InterfaceProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InterfaceProposal_locale_namespace_state_idx" ON "InterfaceProposal"("locale", "namespace", "state");

-- Written by hand (Prisma cannot express it): one pending proposal per key, so that a second
-- edit changes the proposal the reviewer will see instead of starting a parallel one.
CREATE UNIQUE INDEX "InterfaceProposal_one_pending_per_key" ON "InterfaceProposal" ("locale", "namespace", "key") WHERE "state" = 'PENDING';
