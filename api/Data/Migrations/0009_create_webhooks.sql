-- Webhooks (DESIGN §8): an integrator's subscriptions, the deliveries the outbox's events fan out into, and every
-- attempt. The secret is kept encrypted (ASP.NET Core Data Protection): it signs, so it must be recoverable.
-- UUIDv7 (DESIGN §4) for rows made in SQL: the millisecond time over a random v4, version bits set to 7.
CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;

CREATE TABLE webhook_subscriptions (
    id                uuid PRIMARY KEY,
    client_id         uuid NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    url               text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
    description       text CHECK (length(description) <= 500),
    event_types       text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 50),
    supplier_ids      uuid[] NOT NULL DEFAULT '{}',
    cluster_id        uuid REFERENCES clusters (id) ON DELETE SET NULL,
    secret_protected  text NOT NULL,
    active            boolean NOT NULL DEFAULT true,
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscriptions_client_idx ON webhook_subscriptions (client_id, id);

CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    subscription_id  uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id         bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'parked')),
    attempts         integer NOT NULL DEFAULT 0,          -- in the current attempt series
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_until      timestamptz,                         -- a process is sending it until then
    last_status      integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at DESC);

CREATE TABLE webhook_attempts (
    delivery_id   uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL DEFAULT now(),
    status_code   integer,
    error         text CHECK (length(error) <= 500),
    duration_ms   integer NOT NULL
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempted_at);

-- How far the outbox has been fanned out into deliveries: one row, locked by the process doing it.
CREATE TABLE webhook_fanout (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    txid       xid8 NOT NULL,
    event_id   bigint NOT NULL
);
INSERT INTO webhook_fanout (txid, event_id) VALUES ('0', 0);
