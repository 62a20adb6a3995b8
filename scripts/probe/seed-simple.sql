-- A simple synthetic nation for probing search at scale (issue 4); scripts/seed (issue 5) replaces it with the
-- full generator. Sites spread over the 47 prefectures in proportion to their share of manufacturing
-- establishments, within ~35 km of each prefectural office; five capabilities and five machines per site drawn
-- from the kind of shop it is; derived search columns computed here the way SupplierStore.TouchAsync does.
-- Usage: psql -v sites=1000000 -f seed-simple.sql
\set ON_ERROR_STOP on
SELECT setseed(0.20261129);

CREATE TEMP TABLE prefecture_weights (code text, lat float8, lon float8, weight int);
INSERT INTO prefecture_weights VALUES
    ('01', 43.0642, 141.3469, 48),
    ('02', 40.8244, 140.74, 13),
    ('03', 39.7036, 141.1525, 20),
    ('04', 38.2689, 140.8719, 23),
    ('05', 39.7186, 140.1025, 15),
    ('06', 38.2406, 140.3633, 25),
    ('07', 37.75, 140.4678, 33),
    ('08', 36.3414, 140.4467, 48),
    ('09', 36.5658, 139.8836, 40),
    ('10', 36.3911, 139.0608, 46),
    ('11', 35.8569, 139.6489, 100),
    ('12', 35.6047, 140.1233, 45),
    ('13', 35.6894, 139.6917, 90),
    ('14', 35.4478, 139.6425, 70),
    ('15', 37.9022, 139.0236, 50),
    ('16', 36.6953, 137.2114, 25),
    ('17', 36.5944, 136.6256, 25),
    ('18', 36.0653, 136.2219, 23),
    ('19', 35.6639, 138.5683, 15),
    ('20', 36.6514, 138.1811, 48),
    ('21', 35.3911, 136.7222, 55),
    ('22', 34.9769, 138.3831, 90),
    ('23', 35.1803, 136.9067, 140),
    ('24', 34.7303, 136.5086, 35),
    ('25', 35.0044, 135.8683, 25),
    ('26', 35.0214, 135.7556, 40),
    ('27', 34.6864, 135.52, 150),
    ('28', 34.6914, 135.1831, 70),
    ('29', 34.6853, 135.8328, 18),
    ('30', 34.2261, 135.1675, 15),
    ('31', 35.5036, 134.2383, 8),
    ('32', 35.4722, 133.0506, 10),
    ('33', 34.6617, 133.935, 30),
    ('34', 34.3964, 132.4594, 45),
    ('35', 34.1858, 131.4714, 18),
    ('36', 34.0658, 134.5594, 12),
    ('37', 34.3403, 134.0433, 18),
    ('38', 33.8417, 132.7661, 20),
    ('39', 33.5597, 133.5311, 8),
    ('40', 33.6064, 130.4181, 45),
    ('41', 33.2494, 130.2989, 10),
    ('42', 32.75, 129.8675, 15),
    ('43', 32.7897, 130.7417, 17),
    ('44', 33.2381, 131.6125, 13),
    ('45', 31.9111, 131.4239, 10),
    ('46', 31.5603, 130.5581, 14),
    ('47', 26.2125, 127.6811, 9);

CREATE TEMP TABLE cumulative AS
SELECT code, lat, lon,
       (sum(weight) OVER (ORDER BY code) - weight)::float8 / sum(weight) OVER () AS lo,
       sum(weight) OVER (ORDER BY code)::float8 / sum(weight) OVER () AS hi
FROM prefecture_weights;

-- Kinds of shop: processes, machines (type, spec range), certifications, qualifications, materials.
CREATE TEMP TABLE kinds (kind int, processes text[], equipment text[], spec_lo float8, spec_hi float8, certs text[], quals text[], materials text[]);
INSERT INTO kinds VALUES
    (0, '{machining.turning.cnc,machining.milling.machining_centre,machining.milling.5axis,machining.grinding.cylindrical,machining.multitasking,machining.edm.wire}', '{lathe.cnc,machining_centre.vertical,machining_centre.5axis,grinder.cylindrical,cmm}', 150, 1200, '{iso_9001,iatf_16949,iso_14001}', '{ginou.nc_lathe.1,ginou.machining_centre.1}', '{steel.carbon,steel.stainless.sus304,aluminium.a5052}'),
    (1, '{sheet_metal.stamping,sheet_metal.stamping.progressive,sheet_metal.cutting.laser,sheet_metal.bending,joining.welding.spot}', '{press.servo,press.mechanical,press_brake,laser_cutter.fibre,turret_punch}', 20, 600, '{iatf_16949,iso_9001,iso_14001}', '{ginou.metal_press.1,welding.jis_z3801}', '{steel.sheet,aluminium.a5052}'),
    (2, '{joining.welding.tig,joining.welding.mig_mag,joining.welding.co2,sheet_metal.plate_fabrication}', '{welder.tig,welding_robot,welder.mig_mag,overhead_crane}', 3, 3000, '{iso_9001,iso_3834}', '{welding.jis_z3801,welding.jis_z3841}', '{steel.carbon,steel.stainless.sus304}'),
    (3, '{surface.plating.electroless_nickel,surface.plating.zinc,surface.anodising,surface.painting.powder}', '{plating_line,anodising_line,painting_line.powder}', 800, 4000, '{iso_9001,iso_14001,eco_action_21}', '{ginou.electroplating.1}', '{steel.carbon,aluminium.a6061}'),
    (4, '{heat_treatment.carburising,heat_treatment.quench_temper,heat_treatment.induction,heat_treatment.nitriding.soft}', '{heat_treatment_furnace.carburising,induction_hardening_machine}', 50, 1500, '{iso_9001,iatf_16949}', '{ginou.heat_treatment_case.1}', '{steel.alloy}'),
    (5, '{moulding.injection,moulding.injection.insert,tooling.injection_mould}', '{injection_moulding_machine,machining_centre.vertical}', 50, 850, '{iso_9001,iatf_16949,iso_14001}', '{ginou.injection_moulding.1}', '{plastic.pp,plastic.abs,plastic.pc}'),
    (6, '{casting.die_casting.aluminium,casting.gravity,casting.sand}', '{die_casting_machine,machining_centre.horizontal}', 135, 1650, '{iso_9001,iatf_16949}', '{ginou.die_casting.1}', '{aluminium.adc12,cast_iron.grey}'),
    (7, '{assembly.pcb.smt,assembly.wire_harness,assembly.control_panel,assembly.mechanical}', '{smt_mounter,reflow_oven,crimping_machine}', 6, 90000, '{iso_9001,iso_14001,iso_13485}', '{ginou.electronics_assembly.1}', '{copper.pure}'),
    (8, '{food.retort,food.freezing,packaging.filling,packaging.wrapping}', '{filling_machine,packaging_machine}', 20, 300, '{haccp,fssc_22000,iso_22000}', '{licence.food_hygiene_supervisor}', '{food.agricultural}'),
    (9, '{tooling.press_die,tooling.injection_mould,machining.edm.wire,machining.edm.sinker}', '{edm.wire,edm.sinker,machining_centre.vertical}', 300, 1500, '{iso_9001}', '{ginou.press_die.1}', '{steel.tool.skd11}');

CREATE TEMP TABLE generated AS
SELECT g AS n,
       uuidv7_like AS id,
       (SELECT code FROM cumulative c WHERE r1 >= c.lo AND r1 < c.hi LIMIT 1) AS prefecture_code,
       floor(random() * 10)::int AS kind,
       r2, r3, r4, r5
FROM (
    SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
           -- time-ordered like UUIDv7 so that inserts are index-friendly
           (lpad(to_hex(1700000000000 + g), 12, '0') || '7' || lpad(to_hex((random() * 4095)::int), 3, '0')
            || '8' || lpad(to_hex((random() * 4095)::int), 3, '0') || lpad(to_hex((random() * 281474976710655)::bigint), 12, '0'))::uuid AS uuidv7_like
    FROM generate_series(1, :sites) g
) x;

INSERT INTO suppliers (id, name_ja, name_en, prefecture_code, location, employees, industry_codes, description_ja, strengths,
    contract_acceptance, spare_capacity_pct, spare_capacity_valid_until, status, published_at, verification,
    disclosure_contact, disclosure_capabilities, disclosure_equipment, disclosure_certifications, disclosure_staff,
    disclosure_capacity, disclosure_challenges)
SELECT s.id,
       '合成' || (ARRAY['精工','プレス工業','溶接工業','鍍金工業','熱処理','化成','鋳造所','電子','食品','金型製作所'])[s.kind + 1] || ' ' || s.n,
       'Synthetic works ' || s.n,
       s.prefecture_code,
       ST_SetSRID(ST_MakePoint(c.lon + (s.r2 - 0.5) * 0.8, c.lat + (s.r3 - 0.5) * 0.6), 4326)::geography,
       (2 + s.r4 * 300)::int,
       '{25}',
       '【合成データ】' || (ARRAY['精密切削','プレス加工','TIG溶接','無電解めっき','浸炭焼入れ','射出成形','ダイカスト','基板実装','食品充填','金型製作'])[s.kind + 1],
       (ARRAY['短納期','試作対応','量産','一貫生産'])[1 + (s.n % 4)],
       (ARRAY['open','limited','closed'])[1 + (s.n % 3)],
       (s.r5 * 40)::int, current_date + 60,
       'published', now(),
       CASE WHEN s.r5 < 0.4 THEN 'verified' ELSE 'unverified' END,
       1, CASE WHEN random() < 0.15 THEN 1 ELSE 0 END, CASE WHEN random() < 0.25 THEN 1 ELSE 0 END, CASE WHEN random() < 0.2 THEN 1 ELSE 0 END, 1, 1, 2
FROM generated s JOIN cumulative c ON c.code = s.prefecture_code;

INSERT INTO supplier_capabilities (id, supplier_id, process_code, material_codes, max_x_mm, max_y_mm, max_z_mm, best_tolerance_um, lead_days)
SELECT gen_random_uuid(), s.id, k.processes[1 + floor(random() * array_length(k.processes, 1))::int], k.materials,
       200 + (s.r2 * 1500)::int, 150 + (s.r3 * 1000)::int, 100 + (s.r4 * 800)::int, (ARRAY[2, 5, 10, 20, 50])[1 + ((s.n + i) % 5)], 5 + (s.n % 30)
FROM generated s JOIN kinds k ON k.kind = s.kind, generate_series(0, 4) i
WHERE i < array_length(k.processes, 1);

INSERT INTO supplier_equipment (id, supplier_id, type_code, count, spec_value, year)
SELECT gen_random_uuid(), s.id, k.equipment[1 + floor(random() * array_length(k.equipment, 1))::int], 1 + floor(random() * 5)::int,
       round((k.spec_lo + random() * (k.spec_hi - k.spec_lo))::numeric, 1), 1995 + floor(random() * 30)::int
FROM generated s JOIN kinds k ON k.kind = s.kind, generate_series(0, 4) i;

INSERT INTO supplier_certifications (id, supplier_id, code, valid_until)
SELECT gen_random_uuid(), s.id, k.certs[1 + floor(random() * array_length(k.certs, 1))::int],
       CASE WHEN random() < 0.08 THEN current_date - 10 ELSE current_date + 365 END
FROM generated s JOIN kinds k ON k.kind = s.kind
WHERE s.r4 < 0.7;

INSERT INTO supplier_staff (id, supplier_id, qualification_code, headcount)
SELECT gen_random_uuid(), s.id, k.quals[1], 1 + s.n % 6
FROM generated s JOIN kinds k ON k.kind = s.kind
WHERE s.r5 < 0.6;

-- Derived columns, as the service keeps them: codes with their ancestors (a dotted prefix is an ancestor).
UPDATE suppliers s SET
    process_codes = d.processes,
    material_codes = d.materials,
    equipment_type_codes = d.equipment,
    certification_codes = d.certs,
    qualification_codes = d.quals,
    search_text = lower(concat_ws(' ', s.name_ja, s.name_en, s.description_ja, s.strengths)),
    search_bigrams = text_grams(lower(concat_ws(' ', s.name_ja, s.name_en, s.description_ja, s.strengths)))
FROM (
    SELECT g.id,
        (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM supplier_capabilities c,
            LATERAL (SELECT array_to_string((string_to_array(c.process_code, '.'))[1:k], '.') AS a
                     FROM generate_series(1, array_length(string_to_array(c.process_code, '.'), 1)) k) x
            WHERE c.supplier_id = g.id) AS processes,
        (SELECT coalesce(array_agg(DISTINCT m), '{}') FROM supplier_capabilities c, unnest(c.material_codes) m WHERE c.supplier_id = g.id) AS materials,
        (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM supplier_equipment e,
            LATERAL (SELECT array_to_string((string_to_array(e.type_code, '.'))[1:k], '.') AS a
                     FROM generate_series(1, array_length(string_to_array(e.type_code, '.'), 1)) k) x
            WHERE e.supplier_id = g.id) AS equipment,
        (SELECT coalesce(array_agg(DISTINCT code), '{}') FROM supplier_certifications c WHERE c.supplier_id = g.id AND c.valid_until >= current_date) AS certs,
        (SELECT coalesce(array_agg(DISTINCT q), '{}') FROM supplier_staff t,
            LATERAL (SELECT array_to_string((string_to_array(t.qualification_code, '.'))[1:k], '.') AS q
                     FROM generate_series(1, array_length(string_to_array(t.qualification_code, '.'), 1)) k) x
            WHERE t.supplier_id = g.id) AS quals
    FROM generated g
) d
WHERE s.id = d.id;

ANALYZE suppliers; ANALYZE supplier_capabilities; ANALYZE supplier_equipment; ANALYZE supplier_certifications; ANALYZE supplier_staff;
