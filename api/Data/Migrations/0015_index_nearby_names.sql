-- An import checks each row for a published site with a similar name within 1 km. With the location index alone
-- that meant fetching every published site nearby (about a hundred around Tokyo at 1,000,000 sites) and comparing
-- names one by one; with the names' trigrams in the same index, only the similar ones are fetched.
CREATE INDEX suppliers_nearby_name_idx ON suppliers USING gist (location, name_ja gist_trgm_ops) WHERE status = 'published';
