-- Industry clusters, their members and co-creation themes (DESIGN §1.3, §4). A cluster's region is kept as the
-- request's region shape (centre with radius and/or prefectures) in `region`; its value chain is ordered process codes.
CREATE TABLE clusters (
    id               uuid PRIMARY KEY,
    code             text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name_ja          text NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 200),
    name_en          text CHECK (length(name_en) <= 200),
    sector           text NOT NULL CHECK (sector IN ('automotive_parts', 'electrical_precision', 'food_packaging', 'plastics_chemical', 'other')),
    region           jsonb NOT NULL,
    description      text CHECK (length(description) <= 4000),
    value_chain      text[] NOT NULL CHECK (cardinality(value_chain) BETWEEN 1 AND 20),
    coordinator_ids  uuid[] NOT NULL CHECK (cardinality(coordinator_ids) BETWEEN 1 AND 20),
    status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cluster_members (
    cluster_id   uuid NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    supplier_id  uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    status       text NOT NULL CHECK (status IN ('applied', 'member')),
    note         text CHECK (length(note) <= 1000),
    applied_at   timestamptz NOT NULL DEFAULT now(),
    joined_at    timestamptz,
    PRIMARY KEY (cluster_id, supplier_id),
    CHECK ((status = 'member') = (joined_at IS NOT NULL))
);
CREATE INDEX cluster_members_supplier_idx ON cluster_members (supplier_id);

CREATE TABLE cluster_themes (
    id          uuid PRIMARY KEY,
    cluster_id  uuid NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('joint_development', 'joint_order', 'joint_logistics')),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    goal        text CHECK (length(goal) <= 4000),
    status      text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'active', 'completed', 'dropped')),
    steps       text[] NOT NULL DEFAULT '{}',
    milestones  jsonb NOT NULL DEFAULT '[]',
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cluster_themes_cluster_idx ON cluster_themes (cluster_id, id);

CREATE TABLE theme_participants (
    theme_id     uuid NOT NULL REFERENCES cluster_themes (id) ON DELETE CASCADE,
    supplier_id  uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    joined_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (theme_id, supplier_id)
);

-- Demand-side gaps are counted by where a request was to be served: the municipality of the published site nearest
-- its delivery point when it opened.
ALTER TABLE matching_requests ADD COLUMN municipality_code text CHECK (municipality_code ~ '^[0-9]{6}$');
CREATE INDEX matching_requests_opened_idx ON matching_requests (opened_at) WHERE opened_at IS NOT NULL;
