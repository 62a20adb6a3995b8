-- Bulk imports by integrators (DESIGN §8): the file as sent, waiting for the worker, and what came of it; and the
-- coordinators' review queue of rows held back as probable duplicates of existing sites.
CREATE TABLE imports (
    id           uuid PRIMARY KEY,
    client_id    uuid NOT NULL REFERENCES api_clients (id),
    status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    media_type   text NOT NULL,
    charset      text,
    body         bytea,                      -- dropped once the import has run
    rows         integer NOT NULL,
    created      integer,
    updated      integer,
    flagged      integer,
    problem      text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);
CREATE INDEX imports_queued_idx ON imports (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX imports_client_idx ON imports (client_id, id);

CREATE TABLE import_duplicates (
    id           uuid PRIMARY KEY,
    import_id    uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    client_id    uuid NOT NULL REFERENCES api_clients (id),
    row          integer NOT NULL,
    external_id  text NOT NULL,
    supplier_id  uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    reason       text NOT NULL CHECK (reason IN ('corporate_number', 'similar_name_nearby')),
    data         jsonb NOT NULL,
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'merged', 'dismissed')),
    resolved_by  uuid REFERENCES accounts (id),
    resolved_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_duplicates_pending_idx ON import_duplicates (created_at) WHERE status = 'pending';
