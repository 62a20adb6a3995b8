-- The feed copies each payload out as it was written; as jsonb every read re-printed it, which was most of the
-- database's time for a page of 1,000 events. Nothing queries inside payloads, so json (the text, checked on write)
-- is kept instead.
ALTER TABLE events ALTER COLUMN payload TYPE json USING payload::json;
