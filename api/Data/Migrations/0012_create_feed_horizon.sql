-- The change feed keeps events at least 90 days (DESIGN §8). Where old events were removed up to, so that a reader
-- whose cursor lies before it is told to start again from an export (410) instead of silently missing events.
CREATE TABLE feed_horizon (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    txid       xid8 NOT NULL,
    event_id   bigint NOT NULL
);
INSERT INTO feed_horizon (txid, event_id) VALUES ('0', 0);
