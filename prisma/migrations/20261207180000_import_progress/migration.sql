-- CreateTable
CREATE TABLE "PrisonerImportProgress" (
    "importId" TEXT NOT NULL,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrisonerImportProgress_pkey" PRIMARY KEY ("importId")
);

-- AddForeignKey
ALTER TABLE "PrisonerImportProgress" ADD CONSTRAINT "PrisonerImportProgress_importId_fkey" FOREIGN KEY ("importId") REFERENCES "PrisonerImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
