using System.Diagnostics;
using Dapper;
using Npgsql;
using Registry.Api.Auth;

namespace Registry.Seed;

/// <summary>
/// Synthetic orders (issue 17, DESIGN §10) over the synthetic sites: routes of 1–5 legs between neighbouring sites
/// (the generator writes sites prefecture by prefecture, so near in order is near on the map), placed by 500
/// synthetic buyers over the last 180 days, in a realistic mix of states — a route progresses leg by leg: the legs
/// before its current one shipped (closed once old), the current one in progress (sometimes proposed or rejected),
/// the rest accepted or sent; a few routes are drafts or cancelled. Written in SQL, 100,000 routes a statement, with
/// amounts computed as the service computes them (tax once per rate, rounded down).
/// </summary>
public sealed class OrderSeeder(NpgsqlDataSource db, TextWriter log)
{
    private const int Buyers = 500;
    private const int Batch = 100_000;

    public async Task SeedAsync(int orders, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            -- Meetings' outcomes may name orders (the gatherings are cleared before and seeded after).
            TRUNCATE order_routes, orders, order_milestones, order_shipments, order_links, order_route_observers, gathering_meetings;
            DELETE FROM events WHERE visibility = 'parties';
            INSERT INTO accounts (id, email, display_name, role, organisation, password_hash)
            SELECT uuid_v7(), 'order-buyer-' || g || @domain, '合成発注者 ' || g, 'member', 'synthetic', 'not-a-password'
            FROM generate_series(1, @buyers) g
            ON CONFLICT (email) DO NOTHING;
            DROP TABLE IF EXISTS seed_sites, seed_buyers;
            CREATE UNLOGGED TABLE seed_sites AS SELECT row_number() OVER (ORDER BY prefecture_code, id) AS n, id FROM suppliers WHERE status = 'published';
            CREATE UNIQUE INDEX ON seed_sites (n);
            CREATE UNLOGGED TABLE seed_buyers AS SELECT row_number() OVER (ORDER BY email) AS n, id FROM accounts WHERE email LIKE 'order-buyer-%' || @domain;
            CREATE UNIQUE INDEX ON seed_buyers (n);
            """, new { domain = SyntheticOnly.EmailDomain, buyers = Buyers }, commandTimeout: 0, cancellationToken: ct));
        var sites = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM seed_sites");
        if (sites == 0)
        {
            log.WriteLine("no published sites: no orders");
            return;
        }

        // Uniform 1–5 legs: three orders a route on average.
        var routes = Math.Max(1, orders / 3);
        for (var from = 1; from <= routes; from += Batch)
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { from, to = Math.Min(routes, from + Batch - 1), sites, buyers = Buyers },
                commandTimeout: 0, cancellationToken: ct));
        }

        // One final shipment per shipped leg; one leg in twelve ships two weeks late (the on-time rate's misses).
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO order_shipments (id, order_id, quantity, shipped_on, final)
            SELECT uuid_v7(), id, shipped_quantity,
                   least(current_date, ordered_on + 7 * leg + CASE WHEN abs(hashint4(hashtext(order_number))) % 12 = 0 THEN 14 ELSE 0 END), true
            FROM orders WHERE fully_shipped;
            DROP TABLE seed_sites, seed_buyers;
            -- Each site's observed way of answering, as OrderAnswers keeps it.
            TRUNCATE supplier_order_answers;
            INSERT INTO supplier_order_answers (supplier_id, answers_by)
            SELECT o.supplier_id, a.by
            FROM (SELECT DISTINCT supplier_id FROM orders WHERE sent_at IS NOT NULL) o
            CROSS JOIN LATERAL (SELECT supplier_answers_orders_by(o.supplier_id, now()) AS by) a
            WHERE a.by IS NOT NULL;
            ANALYZE order_routes, orders, order_shipments, supplier_order_answers;
            """,
            commandTimeout: 0, cancellationToken: ct));
        var written = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM orders");
        log.WriteLine($"wrote {routes:N0} routes with {written:N0} orders in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    // h(x): a stable pseudo-random non-negative integer per route (and leg), so that a seed writes the same orders.
    private const string Sql = """
        WITH r AS (
            SELECT g AS k, uuid_v7() AS id,
                   (SELECT id FROM seed_buyers WHERE n = 1 + abs(hashint4(g)) % @buyers) AS buyer,
                   1 + abs(hashint4(g * 7)) % 5 AS legs,
                   abs(hashint4(g * 13)) % @sites AS first_site,
                   abs(hashint4(g * 17)) % 1000 AS roll,
                   current_date - abs(hashint4(g * 19)) % 180 AS ordered_on
            FROM generate_series(@from, @to) g),
        routes AS (
            INSERT INTO order_routes (id, buyer_account_id, legs, delivery_address, created_at)
            SELECT id, buyer, legs, '合成納入場所 ' || k, ordered_on FROM r
            RETURNING id),
        legs AS (
            SELECT r.*, l.leg,
                   -- legs done: a route ordered long ago is further along
                   CASE WHEN r.roll < 20 THEN -1                                    -- draft
                        WHEN r.roll < 50 THEN -2                                    -- cancelled
                        ELSE least(r.legs, ((current_date - r.ordered_on) * (r.legs + 1)) / 90) END AS done,
                   (SELECT id FROM seed_sites WHERE n = 1 + (r.first_site + (l.leg - 1) * 3) % @sites) AS site,
                   (SELECT id FROM seed_sites WHERE n = 1 + (r.first_site + l.leg * 3) % @sites) AS next_site,
                   10 + abs(hashint4(r.k * 31 + l.leg)) % 990 AS quantity,
                   100 * (1 + abs(hashint4(r.k * 37 + l.leg)) % 1000) AS price,
                   abs(hashint4(r.k * 41 + l.leg)) % 100 AS channel
            FROM r CROSS JOIN LATERAL generate_series(1, r.legs) l (leg)),
        placed AS (
            SELECT legs.*,
                   CASE WHEN done = -1 THEN 'draft'
                        WHEN done = -2 THEN 'cancelled'
                        WHEN leg <= done THEN CASE WHEN ordered_on < current_date - 60 THEN 'closed' WHEN ordered_on < current_date - 30 THEN 'received' ELSE 'shipped' END
                        WHEN leg = done + 1 THEN CASE WHEN roll % 50 = 1 THEN 'proposed' WHEN roll % 50 = 2 THEN 'rejected' ELSE 'in_progress' END
                        WHEN channel < 80 THEN 'accepted'
                        ELSE 'sent' END AS status,
                   ordered_on + 10 * leg + 5 AS due_on,
                   quantity::bigint * price AS subtotal
            FROM legs)
        INSERT INTO orders (id, route_id, leg, buyer_account_id, supplier_id, order_number, status, lines, subtotal, tax, total,
                            ordered_on, due_on, lead_days, ship_to_supplier_id, shipped_quantity, fully_shipped, accepted_quantity,
                            rejected_quantity, expected_ship_on, first_answer_via, sent_at, answered_at, shipped_at, received_at,
                            created_at, updated_at)
        SELECT uuid_v7(), id, leg, buyer, site, 'S' || k || '-' || leg, status,
               jsonb_build_array(jsonb_build_object('itemName', '合成部品 ' || (k % 1000), 'partNumber', 'P-' || (k % 10000),
                   'quantity', quantity, 'unit', '個', 'unitPrice', price, 'taxRate', 10, 'amount', subtotal)),
               subtotal, subtotal / 100 * 10 + subtotal % 100 * 10 / 100, subtotal + subtotal / 100 * 10 + subtotal % 100 * 10 / 100,
               ordered_on, due_on, 5 + abs(hashint4(k * 43 + leg)) % 10, CASE WHEN leg < legs THEN next_site END,
               CASE WHEN status IN ('shipped', 'received', 'closed') THEN quantity ELSE 0 END,
               status IN ('shipped', 'received', 'closed'),
               CASE WHEN status IN ('received', 'closed') THEN quantity - (channel % 20 = 0)::int END,
               CASE WHEN status IN ('received', 'closed') THEN (channel % 20 = 0)::int END,
               -- as the plan keeps it: a leg still open is expected no earlier than today
               CASE WHEN status IN ('sent', 'accepted', 'proposed', 'in_progress') THEN greatest(current_date, ordered_on + 7 * leg) ELSE ordered_on + 7 * leg END,
               CASE WHEN status IN ('draft', 'sent', 'cancelled') THEN NULL WHEN channel < 70 THEN 'account' WHEN channel < 90 THEN 'link' ELSE 'import' END,
               CASE WHEN status <> 'draft' THEN ordered_on END,
               CASE WHEN status NOT IN ('draft', 'sent', 'cancelled') THEN ordered_on + 1 END,
               CASE WHEN status IN ('shipped', 'received', 'closed') THEN ordered_on + 7 * leg END,
               CASE WHEN status IN ('received', 'closed') THEN ordered_on + 7 * leg + 1 END,
               ordered_on, ordered_on
        FROM placed;
        """;

    /// <summary>
    /// What scripts/bench measures on: a supplier account (for progress updates) linked to one site that has
    /// <paramref name="accepted"/> accepted single-leg orders from the bench buyer, and <paramref name="fiveLeg"/>
    /// 5-firm routes of the bench buyer in progress. Earlier fixtures are removed first.
    /// </summary>
    public async Task<int> BenchFixturesAsync(string buyerEmail, string supplierEmail, string? password, int fiveLeg, int accepted, CancellationToken ct)
    {
        if (!supplierEmail.EndsWith(SyntheticOnly.EmailDomain, StringComparison.Ordinal) || password is not { Length: >= Passwords.MinLength })
        {
            await Console.Error.WriteLineAsync($"--order-fixtures needs addresses ending in {SyntheticOnly.EmailDomain} and REGISTRY_SEED_MEMBER_PASSWORD of {Passwords.MinLength}+ characters");
            return 2;
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO accounts (id, email, display_name, role, organisation, password_hash)
            VALUES (@id, @email, 'Benchmark supplier', 'supplier', 'synthetic', @hash)
            ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash;
            DELETE FROM account_suppliers WHERE account_id = (SELECT id FROM accounts WHERE email = @email);
            INSERT INTO account_suppliers (account_id, supplier_id)
            SELECT (SELECT id FROM accounts WHERE email = @email), (SELECT id FROM suppliers WHERE status = 'published' ORDER BY id LIMIT 1);
            DELETE FROM orders WHERE order_number LIKE 'BENCH-%';
            DELETE FROM order_routes r WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.route_id = r.id);
            """, new { id = Guid.CreateVersion7(), email = supplierEmail, hash = new Passwords().Hash(password) }, commandTimeout: 0, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            DROP TABLE IF EXISTS bench_sites;
            CREATE UNLOGGED TABLE bench_sites AS SELECT row_number() OVER (ORDER BY prefecture_code, id) AS n, id FROM suppliers WHERE status = 'published';
            CREATE UNIQUE INDEX ON bench_sites (n);
            WITH r AS (
                SELECT g AS k, uuid_v7() AS id, 5 AS legs, (SELECT count(*) FROM bench_sites) AS sites, abs(hashint4(g * 101)) % (SELECT count(*) FROM bench_sites) AS first_site
                FROM generate_series(1, @fiveLeg) g),
            routes AS (
                INSERT INTO order_routes (id, buyer_account_id, legs, delivery_address) SELECT id, (SELECT id FROM accounts WHERE email = @buyer), 5, 'ベンチ納入場所' FROM r RETURNING id)
            INSERT INTO orders (id, route_id, leg, buyer_account_id, supplier_id, order_number, status, lines, subtotal, tax, total,
                                ordered_on, due_on, lead_days, ship_to_supplier_id, expected_ship_on, first_answer_via, sent_at, answered_at)
            SELECT uuid_v7(), r.id, l.leg, (SELECT id FROM accounts WHERE email = @buyer),
                   (SELECT id FROM bench_sites WHERE n = 1 + (r.first_site + (l.leg - 1) * 3) % r.sites), 'BENCH-R' || r.k || '-' || l.leg,
                   CASE WHEN l.leg = 1 THEN 'in_progress' ELSE 'accepted' END,
                   '[{"itemName":"ベンチ部品","quantity":100,"unit":"個","unitPrice":1200,"taxRate":10,"amount":120000}]', 120000, 12000, 132000,
                   current_date, current_date + 10 * l.leg, 5,
                   CASE WHEN l.leg < 5 THEN (SELECT id FROM bench_sites WHERE n = 1 + (r.first_site + l.leg * 3) % r.sites) END,
                   current_date + 7 * l.leg, 'account', now(), now()
            FROM r CROSS JOIN generate_series(1, 5) l (leg);

            WITH r AS (SELECT g AS k, uuid_v7() AS id FROM generate_series(1, @accepted) g),
            routes AS (
                INSERT INTO order_routes (id, buyer_account_id, legs, delivery_address) SELECT id, (SELECT id FROM accounts WHERE email = @buyer), 1, 'ベンチ納入場所' FROM r RETURNING id)
            INSERT INTO orders (id, route_id, leg, buyer_account_id, supplier_id, order_number, status, lines, subtotal, tax, total,
                                ordered_on, due_on, lead_days, expected_ship_on, first_answer_via, sent_at, answered_at)
            SELECT uuid_v7(), r.id, 1, (SELECT id FROM accounts WHERE email = @buyer),
                   (SELECT supplier_id FROM account_suppliers WHERE account_id = (SELECT id FROM accounts WHERE email = @supplier)),
                   'BENCH-A' || r.k, 'accepted',
                   '[{"itemName":"ベンチ部品","quantity":100,"unit":"個","unitPrice":1200,"taxRate":10,"amount":120000}]', 120000, 12000, 132000,
                   current_date, current_date + 30, 5, current_date + 7, 'account', now(), now()
            FROM r;
            DROP TABLE bench_sites;
            ANALYZE order_routes, orders;
            """, new { buyer = buyerEmail, supplier = supplierEmail, fiveLeg, accepted }, commandTimeout: 0, cancellationToken: ct));
        return 0;
    }
}
