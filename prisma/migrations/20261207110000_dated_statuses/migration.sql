-- A prisoner's status and letter status become reported facts: the report that gave each
-- and the date it was reported. Officials get the address-block forms used by appeals.
ALTER TABLE "Prisoner" ADD COLUMN     "letterStatusReportedOn" DATE,
ADD COLUMN     "letterStatusReportedPrecision" "DatePrecision",
ADD COLUMN     "letterStatusSourceId" TEXT,
ADD COLUMN     "statusReportedOn" DATE,
ADD COLUMN     "statusReportedPrecision" "DatePrecision",
ADD COLUMN     "statusSourceId" TEXT;

ALTER TABLE "OfficialTranslation" ADD COLUMN     "addressee" TEXT,
ADD COLUMN     "addresseeName" TEXT;

CREATE INDEX "Prisoner_statusReportedOn_idx" ON "Prisoner"("statusReportedOn");

ALTER TABLE "Prisoner" ADD CONSTRAINT "Prisoner_statusSourceId_fkey" FOREIGN KEY ("statusSourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Prisoner" ADD CONSTRAINT "Prisoner_letterStatusSourceId_fkey" FOREIGN KEY ("letterStatusSourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: a status is credited to the newest report among the person's facts that states
-- it (a detention, sentence or arrest for "in custody"; a release, exile or death for the
-- others), dated as that report. A status no fact supports stays unreported: the site then
-- says so instead of inventing a date.
UPDATE "Prisoner" p
SET "statusSourceId" = f."sourceId", "statusReportedOn" = s."publishedOn", "statusReportedPrecision" = s."datePrecision"
FROM (
  SELECT DISTINCT ON (pf."prisonerId") pf."prisonerId", pf."sourceId"
  FROM "PrisonerFact" pf
  JOIN "Prisoner" p2 ON p2.id = pf."prisonerId"
  JOIN "Source" s2 ON s2.id = pf."sourceId"
  WHERE (p2.status::text, pf.kind::text) IN (
    ('INCOMMUNICADO', 'INCOMMUNICADO'), ('RELEASED', 'RELEASE'), ('IN_EXILE', 'EXILE'), ('IN_EXILE', 'RELEASE'),
    ('DIED_IN_CUSTODY', 'DEATH'), ('IN_CUSTODY', 'DETENTION'), ('IN_CUSTODY', 'SENTENCE'), ('IN_CUSTODY', 'ARREST'),
    ('IN_CUSTODY', 'REARREST'))
  ORDER BY pf."prisonerId", s2."publishedOn" DESC
) f
JOIN "Source" s ON s.id = f."sourceId"
WHERE p.id = f."prisonerId";

-- A letter status that follows from the status report: held incommunicado, or no prison to
-- post to (released, in exile, died).
UPDATE "Prisoner"
SET "letterStatusSourceId" = "statusSourceId", "letterStatusReportedOn" = "statusReportedOn",
    "letterStatusReportedPrecision" = "statusReportedPrecision"
WHERE "statusSourceId" IS NOT NULL
  AND (("letterStatus" = 'INCOMMUNICADO' AND status = 'INCOMMUNICADO')
    OR ("letterStatus" = 'NOT_APPLICABLE' AND status IN ('RELEASED', 'IN_EXILE', 'DIED_IN_CUSTODY')));
