-- Revocation that takes effect at once: every access token names the security version of its account or API client
-- (and its sign-in, the refresh-token family). Disabling, demoting or re-keying an account, revoking or re-keying a
-- client moves the version; every API process follows the versions (and revoked sign-ins) in memory through
-- NOTIFY security_changed, and refuses older tokens without asking the database on each request.
ALTER TABLE accounts ADD COLUMN security_version integer NOT NULL DEFAULT 1;
ALTER TABLE api_clients ADD COLUMN security_version integer NOT NULL DEFAULT 1;
CREATE INDEX refresh_tokens_revoked_idx ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL;
