-- Invitations of supplier sites to an open matching request, and their answers (DESIGN §5). A coordinator's
-- introduction is an invitation it made (introduced_by), which the buyer did not have to find.
CREATE TABLE matching_invitations (
    request_id     uuid NOT NULL REFERENCES matching_requests (id) ON DELETE CASCADE,
    supplier_id    uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    status         text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'interested', 'declined', 'shortlisted')),
    question       text CHECK (length(question) <= 2000),
    introduced_by  uuid REFERENCES accounts (id),
    invited_at     timestamptz NOT NULL DEFAULT now(),
    answered_at    timestamptz,
    PRIMARY KEY (request_id, supplier_id)
);
CREATE INDEX matching_invitations_supplier_idx ON matching_invitations (supplier_id, request_id);
