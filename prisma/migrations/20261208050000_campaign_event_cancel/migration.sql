-- Campaign events managed from the back office: the time zone an event happens in (its start
-- stays in UTC) and its cancellation (it stays in the feeds and calendars as cancelled).
-- Events written before this had no zone: UTC, as the pages showed them.
ALTER TABLE "CampaignEvent" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC',
ADD COLUMN "cancelledAt" TIMESTAMP(3);
