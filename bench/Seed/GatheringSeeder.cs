using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Registry.Seed;

/// <summary>
/// Synthetic gatherings (issue 18, DESIGN §12) over the synthetic sites: matching meetings, showcases and exchange
/// meetings held over the past year and the next three months all over the nation, each with 40 buyers (needs: the
/// first process of a site of the gathering) and 80 neighbouring supplier sites (the generator writes sites prefecture
/// by prefecture, so near in order is near on the map), most approved; six meeting requests per buyer, accepted and
/// placed once the gathering is scheduled (each slot a buyer at its own table, no supplier twice in a slot), and
/// outcomes from both sides once it is held. Written in SQL from stable hashes, so that a seed writes the same rows.
/// </summary>
public sealed class GatheringSeeder(NpgsqlDataSource db, TextWriter log)
{
    public const int Buyers = 40;
    public const int Suppliers = 80;
    public const int RequestsPerBuyer = 6;

    public async Task SeedAsync(int gatherings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await db.OpenConnectionAsync(ct);
        // Every gathering goes (with its participants, meetings and topics): they name sites and orders the seeder replaced.
        await connection.ExecuteAsync(new CommandDefinition("TRUNCATE gatherings CASCADE", cancellationToken: ct));
        var sites = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM suppliers WHERE status = 'published'");
        if (sites < Suppliers + 1 || gatherings == 0)
        {
            log.WriteLine("no gatherings: too few published sites");
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(Sql, new { domain = SyntheticOnly.EmailDomain, gatherings, sites, buyers = Buyers, suppliers = Suppliers, requests = RequestsPerBuyer },
            commandTimeout: 0, cancellationToken: ct));
        var (written, participants, meetings) = await connection.QuerySingleAsync<(long, long, long)>(
            "SELECT (SELECT count(*) FROM gatherings), (SELECT count(*) FROM gathering_participants), (SELECT count(*) FROM gathering_meetings)");
        log.WriteLine($"wrote {written:N0} gatherings with {participants:N0} participants and {meetings:N0} meetings in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    // h(x): a stable pseudo-random non-negative integer.
    private const string Sql = """
        INSERT INTO accounts (id, email, display_name, role, organisation, password_hash)
        SELECT uuid_v7(), 'gathering-' || r || '-' || g || @domain, '合成参加者 ' || g, CASE r WHEN 'buyer' THEN 'member' ELSE 'supplier' END,
               'synthetic', 'not-a-password'
        FROM unnest(ARRAY['buyer', 'supplier']) r, generate_series(1, @suppliers) g
        WHERE r = 'supplier' OR g <= @buyers
        ON CONFLICT (email) DO NOTHING;

        DROP TABLE IF EXISTS seed_sites, seed_people;
        CREATE UNLOGGED TABLE seed_sites AS
            SELECT row_number() OVER (ORDER BY prefecture_code, id) AS n, id, process_codes[1] AS process FROM suppliers WHERE status = 'published';
        CREATE UNIQUE INDEX ON seed_sites (n);
        CREATE UNLOGGED TABLE seed_people AS
            SELECT split_part(email, '-', 2) AS role, split_part(split_part(email, '-', 3), '@', 1)::int AS n, id
            FROM accounts WHERE email LIKE 'gathering-%' || @domain;

        -- Held over the past year and the next three months; the state follows the day.
        INSERT INTO gatherings (id, kind, status, title_ja, venue, held_on, capacity, organiser_ids, max_requests, max_meetings, max_consecutive, sessions)
        SELECT uuid_v7(), k.kind,
               CASE WHEN d.held_on < current_date - 14 THEN 'closed' WHEN d.held_on < current_date THEN 'held'
                    WHEN d.held_on < current_date + 14 THEN 'scheduled' WHEN d.held_on < current_date + 45 THEN 'booking_open' ELSE 'published' END,
               '合成' || CASE k.kind WHEN 'matching_meeting' THEN 'マッチング会' WHEN 'showcase' THEN '技術展示会' ELSE '交流会' END || ' ' || g,
               '合成会場 ' || g, d.held_on, 200, '{}', 10, 8, 4,
               '[{"label":"午前","startsAt":"10:00","slotMinutes":20,"slots":9,"tables":40},{"label":"午後","startsAt":"13:30","slotMinutes":20,"slots":9,"tables":40}]'
        FROM generate_series(1, @gatherings) g
        CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 < 7 THEN 'matching_meeting' WHEN g % 10 < 9 THEN 'showcase' ELSE 'exchange_meeting' END AS kind) k
        CROSS JOIN LATERAL (SELECT current_date - 365 + abs(hashint4(g)) % 455 AS held_on) d;

        -- Each gathering's sites: 80 neighbours from a stable place in the nation; its buyers need what those sites do.
        DROP TABLE IF EXISTS seed_gatherings;
        CREATE UNLOGGED TABLE seed_gatherings AS
            -- g as generated (the title's number), not the order of the ids: uuid_v7 orders ids within a millisecond at random.
            SELECT id, status, held_on, split_part(title_ja, ' ', 2)::int AS g FROM gatherings;
        INSERT INTO gathering_participants (id, gathering_id, account_id, role, supplier_id, needs, show_processes, sessions, status, checked_in_at)
        SELECT uuid_v7(), sg.id, p.id, 'supplier', s.id, NULL, ARRAY[s.process], '{0,1}',
               CASE WHEN abs(hashint4(sg.g::int * 1000 + k)) % 50 = 0 THEN 'pending' ELSE 'approved' END,
               CASE WHEN sg.status IN ('held', 'closed') AND abs(hashint4(sg.g::int * 1000 + k + 500)) % 10 > 0
                    THEN (sg.held_on + time '09:45') AT TIME ZONE 'Asia/Tokyo' END
        FROM seed_gatherings sg
        CROSS JOIN generate_series(1, @suppliers) k
        JOIN seed_sites s ON s.n = 1 + abs(hashint4(sg.g::int)) % (@sites - @suppliers) + k
        JOIN seed_people p ON p.role = 'supplier' AND p.n = k;
        INSERT INTO gathering_participants (id, gathering_id, account_id, role, needs, sessions, status, checked_in_at)
        SELECT uuid_v7(), sg.id, p.id, 'buyer',
               jsonb_build_array(jsonb_build_object('processCode', s.process)), '{0,1}',
               CASE WHEN abs(hashint4(sg.g::int * 1000 + 900 + b)) % 50 = 0 THEN 'refused' ELSE 'approved' END,
               CASE WHEN sg.status IN ('held', 'closed') AND abs(hashint4(sg.g::int * 1000 + 950 + b)) % 10 > 0
                    THEN (sg.held_on + time '09:45') AT TIME ZONE 'Asia/Tokyo' END
        FROM seed_gatherings sg
        CROSS JOIN generate_series(1, @buyers) b
        JOIN seed_sites s ON s.n = 1 + abs(hashint4(sg.g::int)) % (@sites - @suppliers) + 1 + (b * 3) % @suppliers
        JOIN seed_people p ON p.role = 'buyer' AND p.n = b;

        -- Buyer b asks supplier (b + 7j) mod 80 in slot j: no supplier twice in a slot, each buyer at its own table.
        INSERT INTO gathering_meetings (id, gathering_id, buyer_id, supplier_id, requested_by, buyer_agreed, supplier_agreed, mutual, score, status,
                                        slot, table_no, buyer_outcome, buyer_outcome_at, supplier_outcome, supplier_outcome_at)
        SELECT uuid_v7(), sg.id, bp.id, sp.id, 'buyer', true, a.accepted, a.mutual, 0.5 + (abs(hashint4(h)) % 50) / 100.0,
               CASE WHEN a.accepted THEN 'accepted' ELSE 'requested' END,
               CASE WHEN a.accepted AND sg.status IN ('scheduled', 'held', 'closed') THEN j END,
               CASE WHEN a.accepted AND sg.status IN ('scheduled', 'held', 'closed') THEN b - 1 END,
               o.buyer, CASE WHEN o.buyer IS NOT NULL THEN (sg.held_on + 2) AT TIME ZONE 'Asia/Tokyo' END,
               o.supplier, CASE WHEN o.supplier IS NOT NULL THEN (sg.held_on + 3) AT TIME ZONE 'Asia/Tokyo' END
        FROM seed_gatherings sg
        CROSS JOIN generate_series(1, @buyers) b
        CROSS JOIN generate_series(0, @requests - 1) j
        CROSS JOIN LATERAL (SELECT sg.g::int * 100000 + b * 100 + j AS h) hh
        JOIN seed_people bpp ON bpp.role = 'buyer' AND bpp.n = b
        JOIN gathering_participants bp ON bp.gathering_id = sg.id AND bp.account_id = bpp.id AND bp.role = 'buyer' AND bp.status = 'approved'
        JOIN seed_people spp ON spp.role = 'supplier' AND spp.n = 1 + (b + 7 * j) % @suppliers
        JOIN gathering_participants sp ON sp.gathering_id = sg.id AND sp.account_id = spp.id AND sp.role = 'supplier' AND sp.status = 'approved'
        CROSS JOIN LATERAL (SELECT sg.status <> 'booking_open' OR abs(hashint4(h)) % 4 > 0 AS accepted, abs(hashint4(h + 7)) % 5 = 0 AS mutual) a
        CROSS JOIN LATERAL (SELECT
            CASE WHEN a.accepted AND sg.status IN ('held', 'closed') AND abs(hashint4(h + 11)) % 3 > 0
                 THEN (ARRAY['none', 'none', 'continue', 'continue', 'quote_requested', 'trial_order'])[1 + abs(hashint4(h + 13)) % 6] END AS buyer,
            CASE WHEN a.accepted AND sg.status IN ('held', 'closed') AND abs(hashint4(h + 17)) % 3 > 0
                 THEN (ARRAY['none', 'continue', 'continue', 'quote_requested'])[1 + abs(hashint4(h + 19)) % 4] END AS supplier) o
        WHERE sg.status IN ('booking_open', 'scheduled', 'held', 'closed');

        DROP TABLE seed_sites, seed_people, seed_gatherings;
        ANALYZE gatherings, gathering_participants, gathering_meetings;
        """;
}
