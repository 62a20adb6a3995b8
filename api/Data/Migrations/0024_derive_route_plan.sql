-- A route's expected arrival and lateness are its last leg's plan, recomputed on every read for today: the copies kept
-- on the route (and the version that moved with them) were written on every action and read by nothing.
ALTER TABLE order_routes DROP COLUMN expected_arrival_on, DROP COLUMN late, DROP COLUMN version, DROP COLUMN updated_at;

-- Kilometres from site to site along a route and on to its delivery place (where every point is known): the route page
-- and the order indicators measure a route the same way.
CREATE FUNCTION order_route_km(route uuid) RETURNS double precision LANGUAGE sql STABLE AS $$
    WITH points AS (
        SELECT o.leg, s.location FROM orders o JOIN suppliers s ON s.id = o.supplier_id WHERE o.route_id = route
        UNION ALL
        SELECT r.legs + 1, ST_SetSRID(ST_MakePoint(r.delivery_lon, r.delivery_lat), 4326)::geography
        FROM order_routes r WHERE r.id = route AND r.delivery_lat IS NOT NULL),
    hops AS (SELECT ST_Distance(location, lag(location) OVER (ORDER BY leg)) AS metres FROM points)
    SELECT round((sum(metres) / 1000.0)::numeric, 1)::double precision FROM hops WHERE metres IS NOT NULL
$$;
