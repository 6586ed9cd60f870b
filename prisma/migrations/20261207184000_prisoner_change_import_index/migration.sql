-- Review drafts filters by import (app/staff/profiles/draft-review.server.ts).
-- CreateIndex
CREATE INDEX "PrisonerChange_importId_idx" ON "PrisonerChange"("importId");
