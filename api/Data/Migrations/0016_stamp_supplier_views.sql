-- DESIGN §6/§7: what a caller sees of a site's freshness must follow what that caller may see. The row's version and
-- updated_at move on every write, hidden sections included, so showing them to everyone let anyone watch a
-- coordinators-only section being edited. Each site therefore keeps a version and a changed time per disclosure level
-- below coordinators (who see the row itself), moved only when that level's view changed. The view is compared
-- through a digest of exactly what the level is shown; the trigger below stamps it on every UPDATE of a site (parts
-- are written first, then the site's version), so no writer (edits, parts, transitions, imports) can forget it.
--
-- reconfirmed_at is the owner's explicit "still accurate", a public act; confirmed_at also moves with every edit and
-- is shown only to coordinators and owners (others see the later of reconfirmed_at and their level's changed time).
ALTER TABLE suppliers
    ADD COLUMN reconfirmed_at     timestamptz,
    ADD COLUMN public_version     integer NOT NULL DEFAULT 1,
    ADD COLUMN public_updated_at  timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN public_digest      bytea,
    ADD COLUMN members_version    integer NOT NULL DEFAULT 1,
    ADD COLUMN members_updated_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN members_digest     bytea;

-- Existing sites keep the numbers they showed; the first write after this migration moves every level once.
UPDATE suppliers SET reconfirmed_at = confirmed_at,
                     public_version = version, public_updated_at = updated_at,
                     members_version = version, members_updated_at = updated_at;

-- The digest of a site as a viewer at level 0 (public) or 1 (members) is shown it by SupplierStore: the always-shown
-- facts and the disclosure levels, and each section only where its level allows. Columns not listed here are never
-- shown below coordinators; a new shown column belongs here too (SupplierViewVersionTests edit every section).
CREATE FUNCTION supplier_view_digest(s suppliers, viewer smallint) RETURNS bytea
LANGUAGE sql STABLE AS $$
    SELECT sha256(convert_to(concat_ws(E'\x1f',
        row(s.status, s.name_ja, s.name_en, s.name_kana, s.corporate_number, s.postal_code, s.prefecture_code,
            s.municipality_code, s.address, s.location, s.employees, s.founded_year, s.capital_jpy, s.industry_codes,
            s.website, s.description_ja, s.description_en, s.strengths, s.edi, s.online_ordering, s.fax_only,
            s.process_codes, s.verification, s.verified_at, s.reconfirmed_at, s.published_at,
            s.disclosure_contact, s.disclosure_capabilities, s.disclosure_equipment, s.disclosure_certifications,
            s.disclosure_staff, s.disclosure_capacity, s.disclosure_challenges)::text,
        CASE WHEN s.disclosure_contact <= viewer THEN row(s.contact_name, s.contact_email, s.contact_phone)::text ELSE '-' END,
        CASE WHEN s.disclosure_capacity <= viewer
             THEN row(s.contract_acceptance, s.spare_capacity_pct, s.spare_capacity_valid_until, s.typical_lead_days, s.min_lot)::text
             ELSE '-' END,
        CASE WHEN s.disclosure_challenges <= viewer THEN row(s.weaknesses, s.challenges)::text ELSE '-' END,
        CASE WHEN s.disclosure_capabilities <= viewer
             THEN coalesce((SELECT string_agg(row(c.id, c.version)::text, ',' ORDER BY c.id) FROM supplier_capabilities c WHERE c.supplier_id = s.id), '')
             ELSE '-' END,
        CASE WHEN s.disclosure_equipment <= viewer
             THEN coalesce((SELECT string_agg(row(e.id, e.version)::text, ',' ORDER BY e.id) FROM supplier_equipment e WHERE e.supplier_id = s.id), '')
             ELSE '-' END,
        CASE WHEN s.disclosure_certifications <= viewer
             THEN coalesce((SELECT string_agg(row(c.id, c.version)::text, ',' ORDER BY c.id) FROM supplier_certifications c WHERE c.supplier_id = s.id), '')
             ELSE '-' END,
        CASE WHEN s.disclosure_staff <= viewer
             THEN coalesce((SELECT string_agg(row(t.id, t.version)::text, ',' ORDER BY t.id) FROM supplier_staff t WHERE t.supplier_id = s.id), '')
             ELSE '-' END
    ), 'UTF8'))
$$;

CREATE FUNCTION suppliers_stamp_views() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    digest bytea;
BEGIN
    digest := supplier_view_digest(NEW, 0::smallint);
    IF digest IS DISTINCT FROM OLD.public_digest THEN
        NEW.public_digest := digest;
        NEW.public_version := OLD.public_version + 1;
        NEW.public_updated_at := now();
    END IF;
    digest := supplier_view_digest(NEW, 1::smallint);
    IF digest IS DISTINCT FROM OLD.members_digest THEN
        NEW.members_digest := digest;
        NEW.members_version := OLD.members_version + 1;
        NEW.members_updated_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER suppliers_stamp_views BEFORE UPDATE ON suppliers FOR EACH ROW EXECUTE FUNCTION suppliers_stamp_views();
