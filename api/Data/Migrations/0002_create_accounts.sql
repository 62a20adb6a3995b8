-- Accounts of people (members, suppliers, coordinators, admins) and API clients of integrators, the refresh tokens
-- of the built-in issuer, failed sign-ins for throttling, and the audit log of every write.

CREATE TABLE accounts (
    id            uuid PRIMARY KEY,
    email         text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    role          text NOT NULL CHECK (role IN ('member', 'supplier', 'coordinator', 'admin')),
    organisation  text CHECK (length(organisation) <= 200),
    password_hash text NOT NULL,
    is_demo       boolean NOT NULL DEFAULT false,
    disabled_at   timestamptz,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

-- The supplier sites a supplier account may edit. The sites table comes with the registry; its foreign key then.
CREATE TABLE account_suppliers (
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    supplier_id uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, supplier_id)
);
CREATE INDEX account_suppliers_supplier_idx ON account_suppliers (supplier_id);

CREATE TABLE api_clients (
    id           uuid PRIMARY KEY,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    organisation text CHECK (length(organisation) <= 200),
    scopes       text[] NOT NULL,
    secret_hash  bytea NOT NULL,
    is_demo      boolean NOT NULL DEFAULT false,
    revoked_at   timestamptz,
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Rotating refresh tokens. A token is used once; presenting a used or revoked one revokes its whole family.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    family_id   uuid NOT NULL,
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash  bytea NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Failed sign-ins, per account and per address, for throttling across every API process.
CREATE TABLE login_failures (
    key       text NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_idx ON login_failures (key, failed_at);

CREATE TABLE audit_log (
    id          uuid PRIMARY KEY,            -- UUIDv7: ordered by time, the keyset for paging
    at          timestamptz NOT NULL DEFAULT now(),
    actor_kind  text NOT NULL CHECK (actor_kind IN ('account', 'client', 'system')),
    actor_id    text NOT NULL,
    action      text NOT NULL,
    resource    text NOT NULL,
    resource_id text NOT NULL,
    before      jsonb,
    after       jsonb,
    trace_id    text
);
CREATE INDEX audit_log_resource_idx ON audit_log (resource, resource_id, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);
