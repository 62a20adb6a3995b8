using System.Text.Json;
using Dapper;
using Npgsql;
using Registry.Api.Events;
using Registry.Api.Gatherings;
using Registry.Api.Http;
using Registry.Contracts.Gatherings;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Demo;

/// <summary>
/// The demo region's gatherings (DESIGN §12), dated from today in Japan, organised by the demo coordinator:
/// <list type="bullet">
/// <item>a <b>past matching meeting</b>, closed, where the demo buyer met four of the demo suppliers (the fifth did not
/// come: its meeting was cancelled and its table freed) and both sides recorded outcomes — further talks, a quote on the
/// buyer's open request, a trial order, nothing — so that the funnel on the analytics page has something to count;</item>
/// <item>an <b>upcoming matching meeting</b> of the automotive cluster, open for booking: the buyer (with its open
/// request) and four suppliers approved, one supplier waiting for approval, one meeting accepted by both, one asked by
/// the buyer and one asked of it;</item>
/// <item>a published <b>technical showcase</b> taking registrations.</item>
/// </list>
/// Each is a public <c>gathering.published</c> event, as publishing makes it.
/// </summary>
public static class DemoGatherings
{
    private static readonly Guid s_coordinator = Guid.Parse("019a0000-0000-7000-8000-000000000002");
    private static readonly Guid s_buyer = Guid.Parse("019a0000-0000-7000-8000-000000000005");

    // The demo suppliers the buyer met at the past gathering (supplier2 did not come).
    private static readonly int[] s_met = [1, 3, 4, 5];

    public const string PastTitle = "第12回 西三河ものづくりマッチング会";
    public const string UpcomingTitle = "2027 春 自動車部品マッチング会（EV 部品）";

    public static async Task EnsureAsync(NpgsqlConnection connection, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = @s_buyer) AND EXISTS (SELECT 1 FROM account_suppliers) AND NOT EXISTS (SELECT 1 FROM gatherings)",
                new { s_buyer }, tx, cancellationToken: ct)))
        {
            return;
        }

        var today = clock.RegionToday();
        var sites = new Dictionary<int, (Guid Account, Guid Site)>();
        foreach (var n in Enumerable.Range(1, 5))
        {
            sites[n] = await connection.QuerySingleAsync<(Guid, Guid)>(new CommandDefinition("""
                SELECT a.id, s.supplier_id FROM account_suppliers s JOIN accounts a ON a.id = s.account_id
                WHERE a.email = @email ORDER BY s.supplier_id LIMIT 1
                """, new { email = $"supplier{n}@registry.example" }, tx, cancellationToken: ct));
        }

        var request = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM matching_requests WHERE buyer_account_id = @s_buyer AND title = @title", new { s_buyer, title = DemoOrders.OpenRequestTitle }, tx, cancellationToken: ct));
        Guid[] requests = request is { } r ? [r] : [];
        var cluster = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM clusters WHERE code = 'nishi-mikawa-auto'", transaction: tx, cancellationToken: ct));

        // The past one: closed six weeks ago.
        var pastDay = today.AddDays(-45);
        var past = await GatheringAsync(connection, tx, "closed", PastTitle, "Nishi-Mikawa matching meeting No. 12", pastDay, cluster, "13:30", 6, 3, ct);
        var checkedIn = new DateTimeOffset(pastDay.ToDateTime(new TimeOnly(13, 10)), TimeSpan.FromHours(9)).ToUniversalTime();
        var buyer = await ParticipantAsync(connection, tx, past, s_buyer, null, requests, checkedIn, null, "approved", ct);
        var met = new List<(Guid Participant, int Slot, string BuyerSays, string SupplierSays)>();
        var says = new[] { ("continue", "continue"), ("none", "continue"), ("quote_requested", "quote_requested"), ("trial_order", "trial_order") };
        var noShow = sites[2];
        foreach (var (n, i) in s_met.Select((n, i) => (n, i)))
        {
            var p = await ParticipantAsync(connection, tx, past, sites[n].Account, sites[n].Site, [], checkedIn, null, "approved", ct);
            met.Add((p, i, says[i].Item1, says[i].Item2));
        }

        var absent = await ParticipantAsync(connection, tx, past, noShow.Account, noShow.Site, [], null, checkedIn.AddMinutes(40), "approved", ct);
        var outcomeAt = checkedIn.AddDays(2);
        foreach (var (p, slot, buyerSays, supplierSays) in met)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO gathering_meetings (id, gathering_id, buyer_id, supplier_id, requested_by, buyer_agreed, supplier_agreed, mutual, score,
                                                status, slot, table_no, buyer_outcome, buyer_outcome_request_id, buyer_outcome_at,
                                                supplier_outcome, supplier_outcome_at, version)
                VALUES (@id, @past, @buyer, @p, 'buyer', true, true, @mutual,
                        (SELECT max(c.score) FROM matching_candidates c JOIN gathering_participants s ON s.id = @p
                         WHERE c.request_id = ANY(@requests) AND c.supplier_id = s.supplier_id),
                        'accepted', @slot, @slot % 3, @buyerSays, CASE WHEN @buyerSays = 'quote_requested' THEN @request END, @outcomeAt,
                        @supplierSays, @outcomeAt, 4)
                """, new { id = Guid.CreateVersion7(), past, buyer, p, mutual = slot == 0, requests, slot, buyerSays, request, supplierSays, outcomeAt },
                tx, cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO gathering_meetings (id, gathering_id, buyer_id, supplier_id, requested_by, buyer_agreed, supplier_agreed, status, reason, version)
            VALUES (@id, @past, @buyer, @absent, 'organiser', true, true, 'cancelled', 'participant no-show', 4)
            """, new { id = Guid.CreateVersion7(), past, buyer, absent }, tx, cancellationToken: ct));

        // The upcoming one: open for booking in three weeks.
        var upcoming = await GatheringAsync(connection, tx, "booking_open", UpcomingTitle, "Spring 2027 automotive parts matching meeting (EV parts)",
            today.AddDays(21), cluster, "10:00", 9, 4, ct);
        var b = await ParticipantAsync(connection, tx, upcoming, s_buyer, null, requests, null, null, "approved", ct);
        var s = new Dictionary<int, Guid>();
        foreach (var n in Enumerable.Range(1, 5))
        {
            s[n] = await ParticipantAsync(connection, tx, upcoming, sites[n].Account, sites[n].Site, [], null, null, n == 2 ? "pending" : "approved", ct);
        }

        foreach (var (supplier, requestedBy, status) in new[] { (s[1], "buyer", "accepted"), (s[3], "buyer", "requested"), (s[4], "supplier", "requested") })
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO gathering_meetings (id, gathering_id, buyer_id, supplier_id, requested_by, buyer_agreed, supplier_agreed, mutual, score, status)
                VALUES (@id, @upcoming, @b, @supplier, @requestedBy, @requestedBy = 'buyer' OR @status = 'accepted', @requestedBy = 'supplier' OR @status = 'accepted',
                        @status = 'accepted',
                        (SELECT max(c.score) FROM matching_candidates c JOIN gathering_participants p ON p.id = @supplier
                         WHERE c.request_id = ANY(@requests) AND c.supplier_id = p.supplier_id),
                        @status)
                """, new { id = Guid.CreateVersion7(), upcoming, b, supplier, requestedBy, status, requests }, tx, cancellationToken: ct));
        }

        await GatheringAsync(connection, tx, "published", "西三河 技術展示会 2027（加工技術・検査技術）", "Nishi-Mikawa technology showcase 2027",
            today.AddDays(60), null, "10:00", 12, 20, ct, GatheringKind.Showcase);
        await tx.CommitAsync(ct);
    }

    private static async Task<Guid> GatheringAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string status, string titleJa, string titleEn,
        DateOnly heldOn, Guid? cluster, string startsAt, int slots, int tables, CancellationToken ct, GatheringKind kind = GatheringKind.MatchingMeeting)
    {
        var id = Guid.CreateVersion7();
        GatheringSession[] sessions = [new() { Label = "商談会", StartsAt = startsAt, SlotMinutes = 20, Slots = slots, Tables = tables }];
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO gatherings (id, kind, status, title_ja, title_en, description, venue, venue_address, held_on, registration_closes_at, booking_closes_at,
                                    capacity, cluster_id, organiser_ids, max_requests, max_meetings, max_consecutive, sessions)
            VALUES (@id, @kind, @status, @titleJa, @titleEn, @description, '豊田市産業振興センター', '愛知県豊田市西町1-200', @heldOn,
                    @closes, @closes, 60, @cluster, @organisers, 10, 6, 3, @sessions::jsonb)
            """,
            new
            {
                id,
                kind = WireNames.Of(kind),
                status,
                titleJa,
                titleEn,
                description = kind == GatheringKind.Showcase
                    ? "地域の加工・検査技術を実機とサンプルで紹介します。出展は登録事業所から。"
                    : "発注企業の担当者と地域の加工事業所が、仕様・QCD・品質保証体制を実務レベルで確認する 1 対 1 の商談会です。",
                heldOn = heldOn.ToDateTime(TimeOnly.MinValue),
                closes = new DateTimeOffset(heldOn.AddDays(-3).ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(9)).ToUniversalTime(),
                cluster,
                organisers = new[] { s_coordinator },
                sessions = JsonSerializer.Serialize(sessions, StoredJson.Options),
            }, tx, cancellationToken: ct));
        var row = (await GatheringsApi.ReadAsync(connection, tx, id, ct))!;
        await Outbox.EmitAsync(connection, tx, new Outbox.Change("gathering.published", "gathering", id, null, row.Version, DisclosureLevel.Public), null, row.ToDto(), ct);
        return id;
    }

    private static async Task<Guid> ParticipantAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid gathering, Guid account, Guid? site, Guid[] requests,
        DateTimeOffset? checkedIn, DateTimeOffset? noShow, string status, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO gathering_participants (id, gathering_id, account_id, role, supplier_id, request_ids, shows, show_processes, sessions, status,
                                                checked_in_at, no_show_at)
            VALUES (@id, @gathering, @account, CASE WHEN @site IS NULL THEN 'buyer' ELSE 'supplier' END, @site, @requests,
                    CASE WHEN @site IS NOT NULL THEN '加工サンプルと品質保証体制の資料' END,
                    CASE WHEN @site IS NOT NULL THEN (SELECT process_codes[1:2] FROM suppliers WHERE id = @site) ELSE '{}' END,
                    '{0}', @status, @checkedIn, @noShow)
            """, new { id, gathering, account, site, requests, status, checkedIn, noShow }, tx, cancellationToken: ct));
        return id;
    }
}
