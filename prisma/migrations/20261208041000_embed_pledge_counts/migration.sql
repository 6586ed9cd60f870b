-- Pledges through a campaign's embed, per partner origin (one of the campaign's embedOrigins):
-- a count per campaign and partner, nothing about any person. Written by the pledge statement
-- itself (app/pledges/pledge.server.ts); shown only in the back office, so no cache trigger.
CREATE TABLE "EmbedPledgeCounter" (
    "campaignId" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EmbedPledgeCounter_pkey" PRIMARY KEY ("campaignId","origin")
);

ALTER TABLE "EmbedPledgeCounter" ADD CONSTRAINT "EmbedPledgeCounter_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
