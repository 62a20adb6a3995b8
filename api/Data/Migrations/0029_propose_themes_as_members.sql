-- Firms propose, not only coordinators (issue 18, item 8): a member site of a cluster proposes a co-creation theme and
-- invites partner members, who accept or decline; the cluster's coordinators adopt it (proposed → active) or return it
-- with a reason (→ returned), and the proposer changes it and proposes it again. A proposal may come from a gathering
-- (an exchange meeting's table).

ALTER TABLE cluster_themes
    ADD COLUMN proposed_by_supplier_id uuid REFERENCES suppliers (id) ON DELETE SET NULL,
    ADD COLUMN gathering_id            uuid REFERENCES gatherings (id) ON DELETE SET NULL,
    ADD COLUMN return_reason           text CHECK (length(return_reason) <= 1000);
ALTER TABLE cluster_themes DROP CONSTRAINT cluster_themes_status_check;
ALTER TABLE cluster_themes ADD CONSTRAINT cluster_themes_status_check
    CHECK (status IN ('proposed', 'active', 'completed', 'dropped', 'returned'));

CREATE TABLE theme_invitations (
    theme_id     uuid NOT NULL REFERENCES cluster_themes (id) ON DELETE CASCADE,
    supplier_id  uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    status       text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'accepted', 'declined')),
    reason       text CHECK (length(reason) <= 1000),
    answered_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (theme_id, supplier_id)
);
CREATE INDEX theme_invitations_supplier_idx ON theme_invitations (supplier_id);
