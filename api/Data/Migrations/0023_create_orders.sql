-- Orders along a route (DESIGN §11): a buyer's orders, one per firm of an awarded chain (or a single direct order),
-- linked in step order. Amounts are computed by the service and kept with the lines, so that a printed 注文書 and a
-- later read agree to the yen. Expected dates are recomputed in every write to the route and kept, so that a change
-- can tell the downstream firms their new expected arrival.

CREATE TABLE order_routes (
    id                    uuid PRIMARY KEY,
    buyer_account_id      uuid NOT NULL REFERENCES accounts (id),
    request_id            uuid REFERENCES matching_requests (id),
    legs                  integer NOT NULL CHECK (legs BETWEEN 1 AND 10),
    delivery_address      text CHECK (length(delivery_address) <= 200),
    delivery_lat          double precision,
    delivery_lon          double precision,
    expected_arrival_on   date,
    late                  boolean NOT NULL DEFAULT false,
    version               integer NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_routes_buyer_idx ON order_routes (buyer_account_id, id);
CREATE INDEX order_routes_request_idx ON order_routes (request_id) WHERE request_id IS NOT NULL;

CREATE TABLE orders (
    id                    uuid PRIMARY KEY,
    route_id              uuid NOT NULL REFERENCES order_routes (id),
    leg                   integer NOT NULL CHECK (leg BETWEEN 1 AND 10),
    buyer_account_id      uuid NOT NULL REFERENCES accounts (id),
    supplier_id           uuid NOT NULL REFERENCES suppliers (id),
    order_number          text NOT NULL CHECK (length(order_number) BETWEEN 1 AND 40),
    status                text NOT NULL DEFAULT 'draft' CHECK (status IN
                              ('draft', 'sent', 'accepted', 'rejected', 'proposed', 'in_progress', 'shipped', 'received', 'closed', 'cancelled')),
    lines                 jsonb NOT NULL,
    subtotal              bigint NOT NULL CHECK (subtotal >= 0),
    tax                   bigint NOT NULL CHECK (tax >= 0),
    total                 bigint NOT NULL CHECK (total >= 0),
    ordered_on            date NOT NULL,
    due_on                date NOT NULL,
    lead_days             integer NOT NULL CHECK (lead_days BETWEEN 1 AND 365),
    ship_to_supplier_id   uuid REFERENCES suppliers (id),            -- the next leg's site; NULL: the route's delivery place
    qa_documents          text[] NOT NULL DEFAULT '{}',
    note                  text CHECK (length(note) <= 2000),
    reason                text CHECK (length(reason) <= 2000),      -- why rejected, refused, cancelled
    proposal              jsonb,                                      -- the supplier's other date / quantities while proposed
    shipped_quantity      integer NOT NULL DEFAULT 0,
    fully_shipped         boolean NOT NULL DEFAULT false,
    accepted_quantity     integer,
    rejected_quantity     integer,
    expected_ship_on      date,
    first_answer_via      text CHECK (first_answer_via IN ('account', 'link', 'import')),
    sent_at               timestamptz,
    answered_at           timestamptz,
    shipped_at            timestamptz,
    received_at           timestamptz,
    version               integer NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (route_id, leg)
);
CREATE UNIQUE INDEX orders_number_key ON orders (buyer_account_id, order_number);
CREATE INDEX orders_supplier_idx ON orders (supplier_id, id);
-- Deleting a site checks both references to it; without this, each check would read every order.
CREATE INDEX orders_ship_to_idx ON orders (ship_to_supplier_id) WHERE ship_to_supplier_id IS NOT NULL;

-- Milestones of one order: material received, each process step, inspection, packed.
CREATE TABLE order_milestones (
    order_id     uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position BETWEEN 1 AND 20),
    kind         text NOT NULL CHECK (kind IN ('material_received', 'process', 'inspection', 'packed')),
    label        text CHECK (length(label) <= 80),
    planned_on   date,
    actual_on    date,
    PRIMARY KEY (order_id, position)
);

CREATE TABLE order_shipments (
    id           uuid PRIMARY KEY,
    order_id     uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    quantity     integer NOT NULL CHECK (quantity >= 1),
    shipped_on   date NOT NULL,
    final        boolean NOT NULL,
    note         text CHECK (length(note) <= 500),
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_shipments_order_idx ON order_shipments (order_id, shipped_on);

-- Response links (the FAX bridge): whoever holds the token acts for the supplier on that one order. Only the SHA-256
-- of the token is kept; the token itself is shown once, to the buyer who makes the link.
CREATE TABLE order_links (
    id           uuid PRIMARY KEY,
    order_id     uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    token_hash   bytea NOT NULL UNIQUE,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_links_order_idx ON order_links (order_id);

-- Events of an order are for its parties only: the buyer's account and the site's accounts and API clients.
ALTER TABLE events DROP CONSTRAINT events_visibility_check;
ALTER TABLE events ADD CONSTRAINT events_visibility_check CHECK (visibility IN ('public', 'members', 'coordinators', 'parties'));
ALTER TABLE events ADD COLUMN party_account_id uuid;
CREATE INDEX events_parties_idx ON events (supplier_id, txid, id) WHERE visibility = 'parties';

-- A link's use is audited as the link, not as an account.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_kind_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_kind_check CHECK (actor_kind IN ('account', 'client', 'system', 'link'));

-- An API client bound to sites (a firm's own system) follows those sites' orders with the orders:read scope.
CREATE TABLE api_client_sites (
    client_id    uuid NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    supplier_id  uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    PRIMARY KEY (client_id, supplier_id)
);

-- A request awarded as a chain keeps its sites in step order: the route's orders follow it.
ALTER TABLE matching_requests ADD COLUMN awarded_chain uuid[];

-- Coordinators see orders only in aggregate, unless the buyer invites one to follow a route (to mediate a delay, say).
CREATE TABLE order_route_observers (
    route_id     uuid NOT NULL REFERENCES order_routes (id) ON DELETE CASCADE,
    account_id   uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    invited_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (route_id, account_id)
);
