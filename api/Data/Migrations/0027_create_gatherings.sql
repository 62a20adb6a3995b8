-- Matching meetings, technical showcases and exchange meetings (DESIGN §12). Called "gatherings" in the API and here:
-- "events" are the outbox's, and "meetings" are the 1:1 talks between a buyer and a supplier inside a gathering.

CREATE TABLE gatherings (
    id                          uuid PRIMARY KEY,
    kind                        text NOT NULL CHECK (kind IN ('matching_meeting', 'showcase', 'exchange_meeting')),
    status                      text NOT NULL DEFAULT 'draft'
                                    CHECK (status IN ('draft', 'published', 'booking_open', 'scheduled', 'held', 'closed', 'cancelled')),
    title_ja                    text NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 200),
    title_en                    text CHECK (length(title_en) <= 200),
    description                 text CHECK (length(description) <= 4000),
    venue                       text CHECK (length(venue) <= 200),
    venue_address               text CHECK (length(venue_address) <= 200),
    online_url                  text CHECK (length(online_url) <= 500),
    held_on                     date NOT NULL,
    registration_closes_at      timestamptz,
    booking_closes_at           timestamptz,
    capacity                    integer NOT NULL CHECK (capacity BETWEEN 2 AND 2000),
    cluster_id                  uuid REFERENCES clusters (id),
    organiser_ids               uuid[] NOT NULL,
    max_requests                integer NOT NULL CHECK (max_requests BETWEEN 1 AND 50),
    max_meetings                integer NOT NULL CHECK (max_meetings BETWEEN 1 AND 40),
    max_consecutive             integer NOT NULL CHECK (max_consecutive BETWEEN 0 AND 20),
    -- the sessions: label, start (local time on held_on, Asia/Tokyo), slot length 15–30 min, slots, tables
    sessions                    jsonb NOT NULL,
    version                     integer NOT NULL DEFAULT 1,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gatherings_held_idx ON gatherings (held_on, id);

-- Who takes part: a buyer with needs (its matching requests, or steps in the request shape), a supplier with a site
-- and what it shows; approved or refused by the organisers.
CREATE TABLE gathering_participants (
    id              uuid PRIMARY KEY,
    gathering_id    uuid NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    account_id      uuid NOT NULL REFERENCES accounts (id),
    role            text NOT NULL CHECK (role IN ('buyer', 'supplier')),
    supplier_id     uuid REFERENCES suppliers (id),
    request_ids     uuid[] NOT NULL DEFAULT '{}',
    needs           jsonb,
    shows           text CHECK (length(shows) <= 1000),
    show_processes  text[] NOT NULL DEFAULT '{}',
    sessions        integer[] NOT NULL,
    note            text CHECK (length(note) <= 1000),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
    reason          text CHECK (length(reason) <= 1000),
    checked_in_at   timestamptz,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((role = 'supplier') = (supplier_id IS NOT NULL))
);
-- One registration per account and role (a firm that buys and supplies registers twice), and one per site.
CREATE UNIQUE INDEX gathering_participants_account_key ON gathering_participants (gathering_id, account_id, role);
CREATE UNIQUE INDEX gathering_participants_site_key ON gathering_participants (gathering_id, supplier_id) WHERE supplier_id IS NOT NULL;
CREATE INDEX gathering_participants_account_idx ON gathering_participants (account_id);

-- A 1:1 meeting between a buyer and a supplier: requested by one side (or proposed by an organiser), accepted by the
-- other; placed by the scheduler in a slot at a table, or pinned there by an organiser.
CREATE TABLE gathering_meetings (
    id              uuid PRIMARY KEY,
    gathering_id    uuid NOT NULL REFERENCES gatherings (id) ON DELETE CASCADE,
    buyer_id        uuid NOT NULL REFERENCES gathering_participants (id) ON DELETE CASCADE,
    supplier_id     uuid NOT NULL REFERENCES gathering_participants (id) ON DELETE CASCADE,
    requested_by    text NOT NULL CHECK (requested_by IN ('buyer', 'supplier', 'organiser')),
    buyer_agreed    boolean NOT NULL,
    supplier_agreed boolean NOT NULL,
    mutual          boolean NOT NULL DEFAULT false,
    score           double precision CHECK (score BETWEEN 0 AND 1),
    note            text CHECK (length(note) <= 1000),
    status          text NOT NULL CHECK (status IN ('requested', 'accepted', 'declined', 'cancelled')),
    reason          text CHECK (length(reason) <= 1000),
    slot            integer CHECK (slot >= 0),
    table_no        integer CHECK (table_no >= 0),
    pinned          boolean NOT NULL DEFAULT false,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (gathering_id, buyer_id, supplier_id),
    CHECK ((slot IS NULL) = (table_no IS NULL)),
    CHECK (NOT pinned OR slot IS NOT NULL)
);
CREATE INDEX gathering_meetings_supplier_idx ON gathering_meetings (supplier_id);
-- Nobody at one table twice in a slot.
CREATE UNIQUE INDEX gathering_meetings_table_key ON gathering_meetings (gathering_id, slot, table_no) WHERE slot IS NOT NULL;
