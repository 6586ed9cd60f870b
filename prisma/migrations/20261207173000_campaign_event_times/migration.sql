-- When a campaign event was added and last changed: calendars need DTSTAMP and LAST-MODIFIED,
-- feeds an updated time. Existing events get the time of this migration.
ALTER TABLE "CampaignEvent" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
