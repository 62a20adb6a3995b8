-- A radius around a postal code centres on the published sites with that code (api/Places/PlaceCentres.cs); without
-- this index that mean reads every published site.
CREATE INDEX suppliers_postal_code_idx ON suppliers (postal_code) WHERE status = 'published';
