-- Written by hand (Prisma does not model triggers): supporter activity no longer bumps the
-- content revision. Pledge counters, actions (letters, appeals, pledges, "I posted it") and
-- appeal figures change every second during a storm, and each bump emptied every page cache.
-- They get a revision of their own, row 2 of "ContentRevision", announced on 'listy_counters';
-- caches take it in at most once a second (app/utils/content-revision.server.ts, decision 0015).
INSERT INTO "ContentRevision" ("id", "revision", "changedAt") VALUES (2, 0, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING;

CREATE FUNCTION listy_bump_counter_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_revision BIGINT;
BEGIN
  UPDATE "ContentRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP
    WHERE "id" = 2 RETURNING "revision" INTO next_revision;
  PERFORM pg_notify('listy_counters', next_revision::text);
  RETURN NULL;
END
$$;

DROP TRIGGER listy_content_changed ON "Action";
CREATE TRIGGER listy_counters_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Action"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_counter_revision();

DROP TRIGGER listy_content_changed ON "PledgeCounter";
CREATE TRIGGER listy_counters_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PledgeCounter"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_counter_revision();

DROP TRIGGER listy_appeal_figures_changed ON "Appeal";
CREATE TRIGGER listy_appeal_figures_changed AFTER UPDATE OF "sentAt", "followUpAnswer" ON "Appeal"
  FOR EACH STATEMENT EXECUTE FUNCTION listy_bump_counter_revision();
