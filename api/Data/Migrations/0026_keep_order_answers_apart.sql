-- The observed way a site answers its orders (0025) lives beside the site, not in its row: the seeder and the order
-- clock write it for many sites at once, and rewriting the wide suppliers rows (and every index on them) for a
-- one-word fact cost minutes at 1,000,000 sites. A site that never answered an order has no row.
CREATE TABLE supplier_order_answers (
    supplier_id  uuid PRIMARY KEY REFERENCES suppliers (id) ON DELETE CASCADE,
    answers_by   text NOT NULL CHECK (answers_by IN ('account', 'link', 'import', 'none')),
    observed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO supplier_order_answers (supplier_id, answers_by) SELECT id, answers_orders_by FROM suppliers WHERE answers_orders_by IS NOT NULL;
ALTER TABLE suppliers DROP COLUMN answers_orders_by;
