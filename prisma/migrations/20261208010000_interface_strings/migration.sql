-- Interface strings saved in the translation workspace (decision 0022). The committed locale
-- files are the seed; a row overlays one key of one file until a deploy ships a different
-- committed value for that key ("committedValue" is the file's value the save replaced, NULL
-- when the key was absent): then the commit wins and the row no longer applies.
CREATE TABLE "InterfaceString" (
    "locale" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "committedValue" TEXT,
    "sourceHash" TEXT,
    "savedById" TEXT,
    "savedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterfaceString_pkey" PRIMARY KEY ("locale","namespace","key")
);

-- Row 3 of "ContentRevision": the interface strings' revision, announced on 'listy_strings';
-- every instance reloads its strings when it moves (app/utils/content-revision.server.ts).
INSERT INTO "ContentRevision" ("id", "revision", "changedAt") VALUES (3, 0, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING;
