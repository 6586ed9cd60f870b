-- A facility's postal address in parts, as the envelope prints them (Russian Cyrillic):
-- the official designation, street, village, district and region. All optional: the free-text
-- postalAddressCyrillic stays the fallback, so existing envelopes print as before.
ALTER TABLE "Facility" ADD COLUMN     "designation" TEXT,
ADD COLUMN     "district" TEXT,
ADD COLUMN     "locality" TEXT,
ADD COLUMN     "region" TEXT,
ADD COLUMN     "street" TEXT;

