-- Matching requests (DESIGN §5): a buyer's need at working level, its lifecycle, and the candidates snapshotted
-- when it opens. The request as submitted (steps, weights, region, quality assurance) is kept whole in `body`;
-- the columns are what lists filter and order on.

CREATE TABLE matching_requests (
    id                   uuid PRIMARY KEY,
    buyer_account_id     uuid NOT NULL REFERENCES accounts (id),
    title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body                 jsonb NOT NULL,
    status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'cancelled', 'awarded')),
    visibility           text NOT NULL CHECK (visibility IN ('public', 'invited')),
    awarded_supplier_id  uuid REFERENCES suppliers (id),
    opened_at            timestamptz,
    closed_at            timestamptz,
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'awarded') = (awarded_supplier_id IS NOT NULL))
);
CREATE INDEX matching_requests_buyer_idx ON matching_requests (buyer_account_id, id);
CREATE INDEX matching_requests_public_idx ON matching_requests (id) WHERE status = 'open' AND visibility = 'public';

-- The ranked candidates of each step at the moment the request opened (the buyer's view then).
CREATE TABLE matching_candidates (
    request_id   uuid NOT NULL REFERENCES matching_requests (id) ON DELETE CASCADE,
    step         integer NOT NULL CHECK (step BETWEEN 0 AND 9),
    rank         integer NOT NULL CHECK (rank >= 1),
    supplier_id  uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    score        double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
    PRIMARY KEY (request_id, step, rank)
);
CREATE INDEX matching_candidates_supplier_idx ON matching_candidates (supplier_id);
