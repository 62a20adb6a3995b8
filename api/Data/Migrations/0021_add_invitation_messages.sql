-- The question-and-answer thread on an invitation (issue 16 item 7): the invited site asks, the buyer answers, either
-- writes again; coordinators read it. A message is never edited. The author's account stays here; the thread and its
-- events say only which side wrote, so the buyer is not named to the site.
CREATE TABLE matching_invitation_messages (
    id                 uuid PRIMARY KEY,
    request_id         uuid NOT NULL,
    supplier_id        uuid NOT NULL,
    author_account_id  uuid NOT NULL REFERENCES accounts (id),
    author_role        text NOT NULL CHECK (author_role IN ('buyer', 'supplier')),
    body               text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    posted_at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (request_id, supplier_id) REFERENCES matching_invitations (request_id, supplier_id) ON DELETE CASCADE
);
CREATE INDEX matching_invitation_messages_thread_idx ON matching_invitation_messages (request_id, supplier_id, posted_at, id);
