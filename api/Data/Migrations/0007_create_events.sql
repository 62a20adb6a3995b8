-- The outbox and change feed (DESIGN §4, §8): one row per change that matters, written in the same transaction as
-- the change, so a rolled-back change leaves none and a committed one is never missed. Sequence values commit out of
-- order, so readers order by (txid, id) and only read below the oldest running transaction
-- (pg_snapshot_xmin(pg_current_snapshot())).
CREATE TABLE events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    txid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    type         text NOT NULL CHECK (length(type) BETWEEN 3 AND 80),        -- e.g. matching_request.opened
    resource     text NOT NULL CHECK (length(resource) BETWEEN 1 AND 40),     -- e.g. matching_request
    resource_id  uuid NOT NULL,
    supplier_id  uuid,                                                        -- the site the event concerns, if any
    version      integer,
    visibility   text NOT NULL CHECK (visibility IN ('public', 'members', 'coordinators')),
    changed      text[] NOT NULL DEFAULT '{}',                                -- top-level fields that changed
    payload      jsonb,                                                       -- the resource as then; NULL is a tombstone
    occurred_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_feed_idx ON events (txid, id);
CREATE INDEX events_resource_idx ON events (resource, resource_id, id);
CREATE INDEX events_occurred_idx ON events (occurred_at);
