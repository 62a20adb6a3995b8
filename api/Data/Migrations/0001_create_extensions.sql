-- PostGIS for supplier locations and distance filters; pg_trgm for fuzzy names and duplicate detection.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
