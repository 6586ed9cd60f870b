-- AlterTable
ALTER TABLE "SignInCode" ADD COLUMN     "browserHash" TEXT;

-- CreateIndex
CREATE INDEX "SignInCode_browserHash_createdAt_idx" ON "SignInCode"("browserHash", "createdAt");
