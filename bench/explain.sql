-- EXPLAIN (ANALYZE, BUFFERS) of every operation's SQL on the seeded database, as the API writes it (Suppliers/
-- SupplierStore.cs, Search/SearchApi.cs, Search/SupplierSearch.cs), for `scripts/bench --explain`. The site, point
-- and words are taken from the data so that every statement finds something. Caller level 0 (anonymous).
\set ON_ERROR_STOP on
-- As the API runs its queries (Data/DatabaseSetup.cs): no parallel workers.
SET max_parallel_workers_per_gather = 0;
SELECT id AS site, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lon
FROM suppliers WHERE status = 'published' AND municipality_code = '232114' ORDER BY id LIMIT 1 \gset
SELECT array_agg(id) AS page FROM (SELECT id FROM suppliers WHERE status = 'published' ORDER BY md5(id::text) LIMIT 20) p \gset

\echo '=== get supplier: the site row and its four parts (one round trip)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM suppliers s WHERE s.id = :'site' AND s.status = 'published';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.* FROM supplier_capabilities c JOIN suppliers s ON s.id = c.supplier_id
WHERE c.supplier_id = :'site' AND s.disclosure_capabilities <= 0 ORDER BY c.process_code, c.id LIMIT 200;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.* FROM supplier_equipment e JOIN suppliers s ON s.id = e.supplier_id
WHERE e.supplier_id = :'site' AND s.disclosure_equipment <= 0 ORDER BY e.type_code, e.id LIMIT 500;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.* FROM supplier_certifications c JOIN suppliers s ON s.id = c.supplier_id
WHERE c.supplier_id = :'site' AND s.disclosure_certifications <= 0 ORDER BY c.code, c.id LIMIT 100;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT t.* FROM supplier_staff t JOIN suppliers s ON s.id = t.supplier_id
WHERE t.supplier_id = :'site' AND s.disclosure_staff <= 0 ORDER BY t.qualification_code LIMIT 200;

\echo '=== search, index path: the page of 20 sites the index chose, projected and masked'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id, s.name_ja, s.process_codes,
    CASE WHEN s.disclosure_certifications <= 0 THEN ARRAY(SELECT DISTINCT c.code FROM supplier_certifications c
        WHERE c.supplier_id = s.id AND (c.valid_until IS NULL OR c.valid_until >= current_date) ORDER BY c.code) END
FROM suppliers s WHERE s.id = ANY(:'page'::uuid[]);

\echo '=== search, SQL path (index off or not loaded; words of 3+ characters): one filter each, name order, 21 rows'
\echo '--- process (with descendants through the stored ancestors)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.process_codes @> ARRAY['joining.welding'] ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- material'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.disclosure_capabilities <= 0 AND s.material_codes @> ARRAY['titanium'] ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- certification (unexpired)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.disclosure_certifications <= 0 AND s.certification_codes @> ARRAY['iso_13485']
  AND EXISTS (SELECT 1 FROM supplier_certifications c WHERE c.supplier_id = s.id AND c.code = 'iso_13485'
              AND (c.valid_until IS NULL OR c.valid_until >= current_date)) ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- qualification'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.disclosure_staff <= 0 AND s.qualification_codes @> ARRAY['ginou.forging_press.1'] ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- equipment type with a minimum key spec: press >= 400 tf'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.disclosure_equipment <= 0 AND s.equipment_type_codes @> ARRAY['press']
  AND EXISTS (SELECT 1 FROM supplier_equipment e WHERE e.supplier_id = s.id
              AND e.type_code = ANY(ARRAY['press','press.servo','press.mechanical','press.hydraulic','press.transfer','press.forging'])
              AND e.spec_value >= 400) ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- envelope 800 x 500 x 300 mm and 5 um with milling'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.process_codes @> ARRAY['machining.milling'] AND s.disclosure_capabilities <= 0
  AND EXISTS (SELECT 1 FROM supplier_capabilities c WHERE c.supplier_id = s.id
              AND c.process_code = ANY(ARRAY['machining.milling','machining.milling.machining_centre','machining.milling.5axis'])
              AND greatest(c.max_x_mm, c.max_y_mm, c.max_z_mm) >= 800
              AND c.max_x_mm + c.max_y_mm + c.max_z_mm - greatest(c.max_x_mm, c.max_y_mm, c.max_z_mm) - least(c.max_x_mm, c.max_y_mm, c.max_z_mm) >= 500
              AND least(c.max_x_mm, c.max_y_mm, c.max_z_mm) >= 300 AND c.best_tolerance_um <= 5)
ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- prefecture and municipality'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.prefecture_code = '23' AND s.municipality_code = '232114' ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- within 30 km, nearest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND ST_DWithin(s.location, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, 30000, false)
ORDER BY ST_Distance(s.location, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, false), s.id LIMIT 21;
\echo '--- employees 50-300, contract work open, verified only'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.employees >= 50 AND s.employees <= 300 AND s.disclosure_capacity <= 0 AND s.contract_acceptance IN ('open', 'limited')
  AND s.verification = 'verified' ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- 2-character word (character/bigram array, never LIKE): 溶接'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.search_bigrams @> ARRAY['溶接'] ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- word of 3+ characters (trigram index), relevance order: ダイカスト'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s WHERE s.status = 'published'
  AND s.search_text LIKE '%だいかすと%'
ORDER BY ((strpos(supplier_name_text(s.name_ja, s.name_en, s.name_kana), 'だいかすと') > 0)::int)::float8 / 1
         + CASE WHEN s.verification = 'verified' THEN 0.001::float8 ELSE 0::float8 END DESC, s.id LIMIT 21;
