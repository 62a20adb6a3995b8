-- Showcases and exchange meetings (issue 18, item 7): an exhibitor's booth (its number, and the equipment it
-- demonstrates besides its processes), and the topics and challenges participants bring to an exchange meeting — a
-- challenge may be posted without the firm's name to the other participants (the organisers see who) and is given a
-- table to be discussed at.

ALTER TABLE gathering_participants
    ADD COLUMN booth              text CHECK (length(booth) BETWEEN 1 AND 20),
    ADD COLUMN show_equipment_ids uuid[] NOT NULL DEFAULT '{}';

CREATE TABLE gathering_topics (
    id              uuid PRIMARY KEY,
    gathering_id    uuid NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    participant_id  uuid NOT NULL REFERENCES gathering_participants (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('topic', 'challenge')),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body            text CHECK (length(body) <= 4000),
    anonymous       boolean NOT NULL DEFAULT false CHECK (NOT anonymous OR kind = 'challenge'),
    table_no        integer CHECK (table_no >= 0),
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'withdrawn')),
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gathering_topics_gathering_idx ON gathering_topics (gathering_id, id);
