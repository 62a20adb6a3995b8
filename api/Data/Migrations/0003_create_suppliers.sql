-- Supplier sites (the unit of regional capability) and what each can do. Every section a site may hide has its own
-- disclosure level: 0 public, 1 members (signed in), 2 coordinators. Reads, filters, facets and exports compare the
-- level with the caller's in SQL, so a hidden section can be neither read nor inferred.

CREATE TABLE suppliers (
    id                          uuid PRIMARY KEY,
    name_ja                     text NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 200),
    name_en                     text CHECK (length(name_en) <= 200),
    name_kana                   text CHECK (length(name_kana) <= 200),
    corporate_number            text CHECK (corporate_number ~ '^[0-9]{13}$'),
    postal_code                 text CHECK (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
    prefecture_code             text NOT NULL CHECK (prefecture_code ~ '^[0-9]{2}$'),
    municipality_code           text CHECK (municipality_code ~ '^[0-9]{6}$'),
    address                     text CHECK (length(address) <= 300),
    location                    geography(Point, 4326),
    employees                   integer CHECK (employees BETWEEN 0 AND 1000000),
    founded_year                integer CHECK (founded_year BETWEEN 1600 AND 2100),
    capital_jpy                 bigint CHECK (capital_jpy >= 0),
    industry_codes              text[] NOT NULL DEFAULT '{}',
    website                     text CHECK (length(website) <= 300),
    description_ja              text CHECK (length(description_ja) <= 4000),
    description_en              text CHECK (length(description_en) <= 4000),
    strengths                   text CHECK (length(strengths) <= 2000),
    -- section: contact
    contact_name                text CHECK (length(contact_name) <= 200),
    contact_email               text CHECK (length(contact_email) <= 254),
    contact_phone               text CHECK (length(contact_phone) <= 40),
    -- section: capacity
    contract_acceptance         text NOT NULL DEFAULT 'open' CHECK (contract_acceptance IN ('open', 'limited', 'closed')),
    spare_capacity_pct          integer CHECK (spare_capacity_pct BETWEEN 0 AND 100),
    spare_capacity_valid_until  date,
    typical_lead_days           integer CHECK (typical_lead_days BETWEEN 0 AND 3650),
    min_lot                     integer CHECK (min_lot BETWEEN 1 AND 100000000),
    -- section: challenges
    weaknesses                  text CHECK (length(weaknesses) <= 2000),
    challenges                  text CHECK (length(challenges) <= 2000),
    -- digital readiness (public)
    edi                         boolean NOT NULL DEFAULT false,
    online_ordering             boolean NOT NULL DEFAULT false,
    fax_only                    boolean NOT NULL DEFAULT false,
    status                      text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    verification                text NOT NULL DEFAULT 'unverified' CHECK (verification IN ('unverified', 'verified', 'pending')),
    verified_at                 timestamptz,
    verified_by                 text,
    source                      text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
    source_client_id            uuid,
    external_id                 text,
    disclosure_contact          smallint NOT NULL DEFAULT 1 CHECK (disclosure_contact BETWEEN 0 AND 2),
    disclosure_capabilities     smallint NOT NULL DEFAULT 0 CHECK (disclosure_capabilities BETWEEN 0 AND 2),
    disclosure_equipment        smallint NOT NULL DEFAULT 0 CHECK (disclosure_equipment BETWEEN 0 AND 2),
    disclosure_certifications   smallint NOT NULL DEFAULT 0 CHECK (disclosure_certifications BETWEEN 0 AND 2),
    disclosure_staff            smallint NOT NULL DEFAULT 1 CHECK (disclosure_staff BETWEEN 0 AND 2),
    disclosure_capacity         smallint NOT NULL DEFAULT 1 CHECK (disclosure_capacity BETWEEN 0 AND 2),
    disclosure_challenges       smallint NOT NULL DEFAULT 2 CHECK (disclosure_challenges BETWEEN 0 AND 2),
    confirmed_at                timestamptz NOT NULL DEFAULT now(),
    published_at                timestamptz,
    -- Derived on every write (refresh_supplier_search) so that search reads one row per site:
    process_codes               text[] NOT NULL DEFAULT '{}',   -- headline processes with their ancestors (public)
    material_codes              text[] NOT NULL DEFAULT '{}',   -- capabilities section
    equipment_type_codes        text[] NOT NULL DEFAULT '{}',   -- equipment section
    certification_codes         text[] NOT NULL DEFAULT '{}',   -- certifications section, unexpired when derived
    qualification_codes         text[] NOT NULL DEFAULT '{}',   -- staff section
    search_text                 text NOT NULL DEFAULT '',       -- names, description, strengths, lower-cased
    search_bigrams              text[] NOT NULL DEFAULT '{}',   -- characters and bigrams of search_text (1–2 character terms)
    version                     integer NOT NULL DEFAULT 1,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX suppliers_external_key ON suppliers (source_client_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX suppliers_corporate_number_idx ON suppliers (corporate_number) WHERE corporate_number IS NOT NULL;
CREATE INDEX suppliers_location_idx ON suppliers USING gist (location) WHERE status = 'published';
CREATE INDEX suppliers_processes_idx ON suppliers USING gin (process_codes) WHERE status = 'published';
CREATE INDEX suppliers_certifications_idx ON suppliers USING gin (certification_codes) WHERE status = 'published';
CREATE INDEX suppliers_equipment_idx ON suppliers USING gin (equipment_type_codes) WHERE status = 'published';
CREATE INDEX suppliers_materials_idx ON suppliers USING gin (material_codes) WHERE status = 'published';
CREATE INDEX suppliers_qualifications_idx ON suppliers USING gin (qualification_codes) WHERE status = 'published';
CREATE INDEX suppliers_bigrams_idx ON suppliers USING gin (search_bigrams) WHERE status = 'published';
CREATE INDEX suppliers_trigram_idx ON suppliers USING gin (search_text gin_trgm_ops) WHERE status = 'published';
CREATE INDEX suppliers_prefecture_idx ON suppliers (prefecture_code, municipality_code) WHERE status = 'published';
CREATE INDEX suppliers_name_idx ON suppliers (name_ja, id) WHERE status = 'published';
CREATE INDEX suppliers_verification_idx ON suppliers (verification, updated_at) WHERE verification <> 'verified';

ALTER TABLE account_suppliers
    ADD CONSTRAINT account_suppliers_supplier_fk FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE CASCADE NOT VALID;

CREATE TABLE supplier_capabilities (
    id                  uuid PRIMARY KEY,
    supplier_id         uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    process_code        text NOT NULL,
    material_codes      text[] NOT NULL DEFAULT '{}',
    max_x_mm            numeric(10, 1) CHECK (max_x_mm > 0),
    max_y_mm            numeric(10, 1) CHECK (max_y_mm > 0),
    max_z_mm            numeric(10, 1) CHECK (max_z_mm > 0),
    max_mass_kg         numeric(12, 2) CHECK (max_mass_kg > 0),
    best_tolerance_um   numeric(10, 2) CHECK (best_tolerance_um > 0),
    roughness_ra_um     numeric(8, 3) CHECK (roughness_ra_um > 0),
    lot_min             integer CHECK (lot_min >= 1),
    lot_max             integer CHECK (lot_max >= 1),
    monthly_capacity    integer CHECK (monthly_capacity >= 0),
    lead_days           integer CHECK (lead_days BETWEEN 0 AND 3650),
    equipment_ids       uuid[] NOT NULL DEFAULT '{}',
    note                text CHECK (length(note) <= 1000),
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (lot_min IS NULL OR lot_max IS NULL OR lot_min <= lot_max)
);
CREATE INDEX supplier_capabilities_supplier_idx ON supplier_capabilities (supplier_id);
CREATE INDEX supplier_capabilities_process_idx ON supplier_capabilities (process_code);

CREATE TABLE supplier_equipment (
    id            uuid PRIMARY KEY,
    supplier_id   uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    type_code     text NOT NULL,
    maker         text CHECK (length(maker) <= 200),
    model         text CHECK (length(model) <= 200),
    count         integer NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 10000),
    spec_value    numeric(14, 3),
    year          integer CHECK (year BETWEEN 1900 AND 2100),
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supplier_equipment_supplier_idx ON supplier_equipment (supplier_id);
CREATE INDEX supplier_equipment_type_idx ON supplier_equipment (type_code, spec_value);

CREATE TABLE supplier_certifications (
    id            uuid PRIMARY KEY,
    supplier_id   uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    code          text NOT NULL,
    number        text CHECK (length(number) <= 100),
    valid_until   date,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supplier_certifications_supplier_idx ON supplier_certifications (supplier_id);

CREATE TABLE supplier_staff (
    id                  uuid PRIMARY KEY,
    supplier_id         uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    qualification_code  text NOT NULL,
    headcount           integer NOT NULL CHECK (headcount BETWEEN 1 AND 100000),
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (supplier_id, qualification_code)
);

-- Characters and character bigrams of a text: the index terms for 1–2 character Japanese words (溶接, 板金), which trigrams
-- cannot index (show_trgm('溶接') is only padding).
CREATE FUNCTION text_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}')
    FROM (
        SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) AS i
        UNION ALL
        SELECT substr(t, i, 2) FROM generate_series(1, greatest(length(t) - 1, 0)) AS i
    ) grams
    WHERE g !~ '\s'
$$;
