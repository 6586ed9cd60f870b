-- Partner embeds: the origins allowed to frame a campaign's embed page (CSP frame-ancestors).
ALTER TABLE "Campaign" ADD COLUMN     "embedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[];
