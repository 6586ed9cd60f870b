-- Each second-factor attempt is now counted before the code is checked (not only the wrong
-- ones after), so the column counts attempts.
ALTER TABLE "StaffSession" RENAME COLUMN "totpFailures" TO "secondFactorAttempts";
