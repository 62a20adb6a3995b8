-- DESIGN §11: how a site actually answers its orders (through an account, a response link, its own system's import, or
-- not at all) is a digital-readiness fact the registry observes, beside the ones the firm declares. It is the way the
-- site answered its latest order that needed an answer: one answered, or one still unanswered three days after it was
-- sent (the order indicators' rule). Only coordinators and the site's own accounts see it (supplier_view_digest does
-- not list it, so public and members' versions never move with it).
ALTER TABLE suppliers ADD COLUMN answers_orders_by text CHECK (answers_orders_by IN ('account', 'link', 'import', 'none'));

CREATE FUNCTION supplier_answers_orders_by(site uuid, at timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(o.first_answer_via, 'none')
    FROM orders o
    WHERE o.supplier_id = site AND o.sent_at IS NOT NULL
      AND (o.first_answer_via IS NOT NULL OR (o.status = 'sent' AND o.sent_at < at - interval '3 days'))
    ORDER BY o.sent_at DESC, o.id DESC
    LIMIT 1
$$;

-- The periodic sweep (OrderClock) finds orders that crossed the three days unanswered, and open legs whose expected
-- ship day has passed, without reading every order.
CREATE INDEX orders_unanswered_idx ON orders (sent_at) WHERE status = 'sent' AND first_answer_via IS NULL;
CREATE INDEX orders_open_expected_idx ON orders (expected_ship_on)
    WHERE status IN ('sent', 'accepted', 'proposed', 'in_progress', 'shipped') AND NOT fully_shipped;

-- A new site's views are stamped as it is inserted, so that its first update (a hidden section, an observed fact)
-- moves only the levels whose view changed; until now the first update moved every level once.
CREATE FUNCTION suppliers_stamp_new_views() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.public_digest := supplier_view_digest(NEW, 0::smallint);
    NEW.members_digest := supplier_view_digest(NEW, 1::smallint);
    RETURN NEW;
END
$$;
CREATE TRIGGER suppliers_stamp_new_views BEFORE INSERT ON suppliers FOR EACH ROW EXECUTE FUNCTION suppliers_stamp_new_views();

ALTER TABLE suppliers DISABLE TRIGGER suppliers_stamp_views;
UPDATE suppliers s SET public_digest = supplier_view_digest(s, 0::smallint), members_digest = supplier_view_digest(s, 1::smallint)
WHERE public_digest IS NULL OR members_digest IS NULL;
UPDATE suppliers s SET answers_orders_by = supplier_answers_orders_by(s.id, now())
WHERE s.id IN (SELECT supplier_id FROM orders WHERE sent_at IS NOT NULL);
ALTER TABLE suppliers ENABLE TRIGGER suppliers_stamp_views;
