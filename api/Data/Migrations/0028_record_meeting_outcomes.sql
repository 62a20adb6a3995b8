-- After a gathering (DESIGN §12): each side of a meeting records what came of it, linked to a matching request or an
-- order when there is one; and a participant who did not come is marked so, its meetings cancelled and their tables
-- freed for walk-ins. The funnel (registered → met → followed up → request → order) is read from these columns.

ALTER TABLE gathering_meetings
    ADD COLUMN buyer_outcome              text CHECK (buyer_outcome IN ('none', 'continue', 'quote_requested', 'trial_order')),
    ADD COLUMN buyer_outcome_request_id   uuid REFERENCES matching_requests (id) ON DELETE SET NULL,
    ADD COLUMN buyer_outcome_order_id     uuid REFERENCES orders (id) ON DELETE SET NULL,
    ADD COLUMN buyer_outcome_note         text CHECK (length(buyer_outcome_note) <= 1000),
    ADD COLUMN buyer_outcome_at           timestamptz,
    ADD COLUMN supplier_outcome           text CHECK (supplier_outcome IN ('none', 'continue', 'quote_requested', 'trial_order')),
    ADD COLUMN supplier_outcome_request_id uuid REFERENCES matching_requests (id) ON DELETE SET NULL,
    ADD COLUMN supplier_outcome_order_id  uuid REFERENCES orders (id) ON DELETE SET NULL,
    ADD COLUMN supplier_outcome_note      text CHECK (length(supplier_outcome_note) <= 1000),
    ADD COLUMN supplier_outcome_at        timestamptz,
    ADD CHECK ((buyer_outcome IS NULL) = (buyer_outcome_at IS NULL)),
    ADD CHECK ((supplier_outcome IS NULL) = (supplier_outcome_at IS NULL));

ALTER TABLE gathering_participants ADD COLUMN no_show_at timestamptz;

