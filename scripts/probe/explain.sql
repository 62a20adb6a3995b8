-- EXPLAIN (ANALYZE, BUFFERS) of the filters that stay on the SQL path (text, envelope, tolerance, key spec), as
-- api/Search/SupplierSearch.cs writes them, on the probe database. Run by scripts/probe/search --explain.
\set ON_ERROR_STOP on
\echo '--- 2-character Japanese word (bigram array, never LIKE): q=溶接'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s
WHERE s.status = 'published' AND s.search_bigrams @> ARRAY['溶接'] ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- longer word (trigram index): q=めっき'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s
WHERE s.status = 'published' AND s.search_text LIKE '%めっき%' ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- envelope fit and tolerance with a process: fitXMm=800&fitYMm=500&fitZMm=300&toleranceUm=5&process=machining.milling'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s
WHERE s.status = 'published' AND s.process_codes @> ARRAY['machining.milling'] AND s.disclosure_capabilities <= 0
  AND EXISTS (SELECT 1 FROM supplier_capabilities c WHERE c.supplier_id = s.id
              AND c.process_code = ANY(ARRAY['machining.milling','machining.milling.machining_centre','machining.milling.5axis'])
              AND greatest(c.max_x_mm, c.max_y_mm, c.max_z_mm) >= 800
              AND c.max_x_mm + c.max_y_mm + c.max_z_mm - greatest(c.max_x_mm, c.max_y_mm, c.max_z_mm) - least(c.max_x_mm, c.max_y_mm, c.max_z_mm) >= 500
              AND least(c.max_x_mm, c.max_y_mm, c.max_z_mm) >= 300 AND c.best_tolerance_um <= 5)
ORDER BY s.name_ja, s.id LIMIT 21;
\echo '--- equipment key spec: equipmentType=press&equipmentMinSpec=400'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.id FROM suppliers s
WHERE s.status = 'published' AND s.disclosure_equipment <= 0 AND s.equipment_type_codes @> ARRAY['press']
  AND EXISTS (SELECT 1 FROM supplier_equipment e WHERE e.supplier_id = s.id
              AND e.type_code = ANY(ARRAY['press','press.servo','press.mechanical','press.hydraulic','press.transfer','press.forging','press.extrusion'])
              AND e.spec_value >= 400)
ORDER BY s.name_ja, s.id LIMIT 21;
