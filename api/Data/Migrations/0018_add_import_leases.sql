-- The worker that takes an import marks it running with its own name and a lease it renews while the import runs.
-- An import whose lease has run out (its process died, or lost the database) is taken over by another worker; the
-- first one's work, if it ever finishes, is rolled back because the import is no longer its own (ImportWorker).
ALTER TABLE imports ADD COLUMN worker text, ADD COLUMN lease_until timestamptz;
