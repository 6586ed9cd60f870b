-- Anonymous "did it arrive?" reports (app/arrivals/), kept only as counts per facility,
-- posting month, outcome and reporting month: nothing that names or dates a person.
CREATE TYPE "ArrivalOutcome" AS ENUM ('RETURNED', 'REPLIED', 'NO_ANSWER');

CREATE TABLE "ArrivalReportCount" (
    "facilityId" TEXT NOT NULL,
    "postedMonth" DATE NOT NULL,
    "outcome" "ArrivalOutcome" NOT NULL,
    "weeksWithoutAnswer" INTEGER NOT NULL DEFAULT 0,
    "reportedMonth" DATE NOT NULL,
    "reports" INTEGER NOT NULL,

    CONSTRAINT "ArrivalReportCount_pkey" PRIMARY KEY ("facilityId","postedMonth","outcome","weeksWithoutAnswer","reportedMonth")
);

CREATE INDEX "ArrivalReportCount_postedMonth_idx" ON "ArrivalReportCount"("postedMonth");

ALTER TABLE "ArrivalReportCount" ADD CONSTRAINT "ArrivalReportCount_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ArrivalTicketUse" (
    "key" TEXT NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "ArrivalTicketUse_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "ArrivalTicketUse_day_idx" ON "ArrivalTicketUse"("day");

-- Written by hand (Prisma does not model triggers): reports are supporter activity, like
-- pledge counters, so they bump the counter revision (row 2), which caches take in at most
-- once a second, not the content revision, which would empty every page cache per report.
CREATE TRIGGER listy_counters_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ArrivalReportCount"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_counter_revision();
