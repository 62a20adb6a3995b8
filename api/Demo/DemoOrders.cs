using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Events;
using Registry.Api.Http;
using Registry.Api.Matching;
using Registry.Api.Orders;
using Registry.Contracts.Matching;
using Registry.Contracts.Orders;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Demo;

/// <summary>
/// The demo buyer's orders (DESIGN §11) and its open 4-step request, over the demo region, dated from today in Japan
/// so that they stay plausible whenever the demo starts:
/// <list type="bullet">
/// <item>an <b>open request</b> 「EV モーターシャフト 4 工程」 (hot forging → CNC turning → heat treatment → plating, 30 km
/// around Toyota city hall), its candidates snapshotted as opening does, whose best chain has four firms: supplier3
/// (forging), supplier4 (turning) and supplier5 (plating) have accounts for its legs 1, 2 and 4; the heat-treatment
/// firm of leg 3 is FAX-only and answers by response link (client/e2e/orders-journey.spec.ts awards it);</item>
/// <item>orders in every state to the demo suppliers' sites (answering in their accounts), to FAX-only sites
/// (answering by link, or not at all), and a <b>4-firm route</b> whose second leg shipped late and whose FAX-only
/// firm answers by link only; its last firm answers through its own system (an imported acknowledgement, EDI).</item>
/// </list>
/// Written as the API writes them: amounts by <see cref="OrderAmounts"/>, expected days by
/// <see cref="RoutePlanning"/>, one event per order for its parties through the outbox. Each site's digital-readiness
/// facts follow how it answers (link: FAX-only; import: EDI; account: online ordering), and the way it answers is
/// observed as <see cref="OrderAnswers"/> keeps it.
/// </summary>
public sealed class DemoOrders(MatchEvaluator evaluator, RoutePlanning planning, OrderAnswers answers, TimeProvider clock)
{
    public const string OpenRequestTitle = "EV モーターシャフト 4 工程（鍛造→旋削→熱処理→めっき）";

    private static readonly Guid s_buyer = Guid.Parse("019a0000-0000-7000-8000-000000000005");
    private static readonly GeoLocation s_toyota = new() { Lat = 35.0826, Lon = 137.1560 };
    private const string Delivery = "愛知県豊田市デモ町1-1 デモ機械製作所 本社工場 受入口";

    /// <summary>The chain's accounts by leg (1-based): the FAX-only leg 3 has none.</summary>
    public static readonly IReadOnlyDictionary<int, string> ChainAccounts = new Dictionary<int, string>
    {
        [1] = "supplier3@registry.example",
        [2] = "supplier4@registry.example",
        [4] = "supplier5@registry.example",
    };

    private static readonly Dictionary<string, string> s_events = new(StringComparer.Ordinal)
    {
        ["draft"] = "order.created",
        ["sent"] = "order.sent",
        ["accepted"] = "order.accepted",
        ["rejected"] = "order.rejected",
        ["proposed"] = "order.proposed",
        ["in_progress"] = "order.progress_recorded",
        ["shipped"] = "order.shipped",
        ["received"] = "order.received",
        ["closed"] = "order.closed",
        ["cancelled"] = "order.cancelled",
    };

    /// <summary>One order as it stands: days are counted from today (negative: past).</summary>
    private sealed record Leg(Guid Site, string Number, string Item, int Quantity, long UnitPrice, int OrderedDay, int DueDay, int LeadDays, string Status)
    {
        public string? Via { get; init; }
        public int? AnsweredDay { get; init; }
        public (int Quantity, int Day, bool Final)[] Shipments { get; init; } = [];
        public (string Kind, string? Label, int? Planned, int? Actual)[] Milestones { get; init; } = [];
        public (int Accepted, int Rejected)? Receipt { get; init; }
        public string? Reason { get; init; }
        public int? ProposedDueDay { get; init; }
    }

    public async Task EnsureAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = @s_buyer) AND EXISTS (SELECT 1 FROM suppliers) AND NOT EXISTS (SELECT 1 FROM orders) AND NOT EXISTS (SELECT 1 FROM matching_requests)",
                new { s_buyer }, tx, cancellationToken: ct)))
        {
            return;
        }

        var today = clock.RegionToday();
        var chain = await OpenRequestAsync(connection, tx, today, ct);

        // The sites of the history: the demo suppliers' own (they answer in their accounts), FAX-only shops that answer
        // by link or not at all, and an EDI shop that imports its acknowledgements — none of them on the open chain.
        var s1 = await SiteOfAsync(connection, tx, "supplier1@registry.example", ct);
        var s2 = await SiteOfAsync(connection, tx, "supplier2@registry.example", ct);
        var taken = chain.Concat([s1, s2]).ToArray();
        var heat = await NearestAsync(connection, tx, "heat_treatment", taken, 1, ct);
        var fax = await NearestAsync(connection, tx, "machining", [.. taken, .. heat], 3, ct);
        var edi = await NearestAsync(connection, tx, "inspection", [.. taken, .. heat, .. fax], 1, ct);
        await ReadinessAsync(connection, tx, [.. heat, .. fax], "link", ct);
        await ReadinessAsync(connection, tx, edi, "import", ct);
        await ReadinessAsync(connection, tx, [s1, s2, chain[0], chain[1], chain[3]], "account", ct);

        var (f1, f2, never) = (fax[0], fax[1], fax[2]);
        var n = 0;
        string No() => $"DM-{today:yyMM}-{++n:000}";
        await PlaceAsync(connection, tx, today, [new(s1, No(), "ギアシャフト（試作）", 20, 4800, -1, 30, 10, "draft")], ct);
        await PlaceAsync(connection, tx, today, [new(f1, No(), "フランジ", 200, 650, -1, 21, 7, "sent")], ct);
        await PlaceAsync(connection, tx, today, [new(never, No(), "スペーサー", 500, 120, -9, 14, 5, "sent")], ct);
        await PlaceAsync(connection, tx, today, [new(s2, No(), "無電解ニッケルめっき（ブラケット）", 300, 180, -5, 12, 5, "accepted") { Via = "account", AnsweredDay = -4 }], ct);
        await PlaceAsync(connection, tx, today, [new(f2, No(), "ハウジング", 50, 9800, -12, 10, 15, "rejected") { Via = "link", AnsweredDay = -11, Reason = "設備の空きがないため、今回は辞退します。" }], ct);
        await PlaceAsync(connection, tx, today, [new(s1, No(), "ピストンロッド", 120, 2300, -3, 15, 8, "proposed") { Via = "account", AnsweredDay = -2, ProposedDueDay = 22 }], ct);
        await PlaceAsync(connection, tx, today,
            [new(s2, No(), "硬質アルマイト（カバー）", 400, 210, -8, 9, 6, "in_progress")
            {
                Via = "account", AnsweredDay = -7,
                Milestones = [("material_received", null, -6, -6), ("process", "前処理", -4, -4), ("process", "アルマイト", 3, null), ("inspection", null, 5, null), ("packed", null, 6, null)],
            }], ct);
        await PlaceAsync(connection, tx, today, [new(f1, No(), "シャフト（分納）", 100, 1500, -14, 4, 8, "shipped") { Via = "link", AnsweredDay = -13, Shipments = [(40, -2, false)] }], ct);
        await PlaceAsync(connection, tx, today, [new(s1, No(), "ブッシュ", 600, 95, -12, 0, 8, "shipped") { Via = "account", AnsweredDay = -12, Shipments = [(600, -1, true)] }], ct);
        await PlaceAsync(connection, tx, today,
            [new(s2, No(), "亜鉛めっき（ボルト）", 1000, 18, -20, -8, 6, "received") { Via = "account", AnsweredDay = -19, Shipments = [(1000, -10, true)], Receipt = (995, 5), Reason = "めっきムラ 5 本" }], ct);
        await PlaceAsync(connection, tx, today,
            [new(f2, No(), "ベースプレート", 30, 7200, -45, -20, 15, "closed") { Via = "link", AnsweredDay = -44, Shipments = [(30, -22, true)], Receipt = (30, 0) }], ct);
        await PlaceAsync(connection, tx, today, [new(s1, No(), "カム（設計変更前）", 80, 3100, -6, 20, 10, "cancelled") { Via = "account", AnsweredDay = -5, Reason = "図面変更のため取り消します。" }], ct);

        // The 4-firm route: turning (account, on time) → heat treatment (FAX-only, by link; shipped late) → plating
        // (account, at work) → inspection (EDI, imported acknowledgement).
        await PlaceAsync(connection, tx, today,
        [
            new(s1, No(), "EV モーターシャフト 旋削", 200, 1800, -21, -12, 6, "shipped") { Via = "account", AnsweredDay = -20, Shipments = [(200, -13, true)] },
            new(heat[0], No(), "EV モーターシャフト 浸炭焼入れ", 200, 600, -21, -5, 4, "shipped") { Via = "link", AnsweredDay = -18, Shipments = [(200, -1, true)] },
            new(s2, No(), "EV モーターシャフト 無電解ニッケルめっき", 200, 450, -21, 2, 4, "in_progress")
            {
                Via = "account", AnsweredDay = -19, Milestones = [("material_received", null, -4, 0), ("process", "めっき", 2, null), ("packed", null, 3, null)],
            },
            new(edi[0], No(), "EV モーターシャフト 三次元測定・成績書", 200, 300, -21, 7, 3, "accepted") { Via = "import", AnsweredDay = -19 },
        ], ct);

        // How each site answered its orders, observed as the answers themselves keep it.
        foreach (var site in await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT DISTINCT supplier_id FROM orders WHERE buyer_account_id = @s_buyer AND sent_at IS NOT NULL", new { s_buyer }, tx, cancellationToken: ct)))
        {
            await answers.ObserveAsync(connection, tx, site, ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The open 4-step request, written as creating and opening it do (candidates snapshotted for the buyer), with
    /// the accounts of its best chain's firms linked and its leg 3 made FAX-only. Returns the chain's sites in step order.
    /// </summary>
    private async Task<Guid[]> OpenRequestAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DateOnly today, CancellationToken ct)
    {
        var input = new MatchingRequestInput
        {
            Title = OpenRequestTitle,
            Description = "【デモ】EV 駆動モーター用シャフト。鍛造から表面処理まで西三河で一貫して発注したい。",
            Steps =
            [
                new MatchingStepInput { ProcessCode = "forging.hot" },
                new MatchingStepInput { ProcessCode = "machining.turning" },
                new MatchingStepInput { ProcessCode = "heat_treatment" },
                new MatchingStepInput { ProcessCode = "surface.plating" },
            ],
            Quantity = 200,
            DueDate = today.AddDays(60),
            Weights = new QcdWeights { Quality = 0.4, Cost = 0.3, Delivery = 0.3 },
            QualityAssurance = [QualityAssurance.InspectionReport, QualityAssurance.MaterialCertificate],
            Region = new MatchingRegion { Centre = s_toyota, CentrePlace = "232114", RadiusKm = 30 },
        };
        var buyer = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(Claims.Subject, s_buyer.ToString()), new Claim(Claims.Role, Roles.Member)], "demo", Claims.Name, Claims.Role));
        // The region's sites are in this process's index (DemoRegion refreshed it), or the index is not loaded and the
        // evaluator reads them from the database: either way the candidates are the ones the buyer's chains view offers.
        var evaluation = await evaluator.EvaluateAsync(input, buyer, ct);
        var best = evaluation.Chains.FirstOrDefault(c => c.Gaps.Count == 0 && c.Firms == input.Steps.Count)
            ?? throw new InvalidOperationException("The demo region offers no 4-firm chain for the demo request.");
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO matching_requests (id, buyer_account_id, title, body, visibility, status, opened_at, municipality_code)
            VALUES (@id, @s_buyer, @title, @body::jsonb, 'public', 'open', now() - interval '2 days', '232114')
            """, new { id, s_buyer, title = input.Title, body = JsonSerializer.Serialize(input, StoredJson.Options) }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO matching_candidates (request_id, step, rank, supplier_id, score) VALUES (@id, @step, @rank, @supplier, @score)",
            evaluation.Steps.SelectMany(s => s.Candidates.Select((c, rank) => new { id, step = s.Step, rank = rank + 1, supplier = c.SupplierId, score = c.Score })),
            tx, cancellationToken: ct));
        var chain = best.Steps.OrderBy(s => s.Step).Select(s => s.SupplierId!.Value).ToArray();
        foreach (var (leg, email) in ChainAccounts)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO account_suppliers (account_id, supplier_id) SELECT a.id, @site FROM accounts a WHERE a.email = @email ON CONFLICT DO NOTHING
                """, new { email, site = chain[leg - 1] }, tx, cancellationToken: ct));
        }

        await ReadinessAsync(connection, tx, [chain[2]], "link", ct);
        return chain;
    }

    private static Task<Guid> SiteOfAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string email, CancellationToken ct) =>
        connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
            "SELECT s.supplier_id FROM account_suppliers s JOIN accounts a ON a.id = s.account_id WHERE a.email = @email ORDER BY s.supplier_id LIMIT 1",
            new { email }, tx, cancellationToken: ct));

    /// <summary>Published sites doing a process (or one under it) nearest Toyota, without an account, not among <paramref name="except"/>.</summary>
    private static async Task<Guid[]> NearestAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string process, Guid[] except, int take, CancellationToken ct) =>
        [.. await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT s.id FROM suppliers s
            WHERE s.status = 'published' AND s.contract_acceptance <> 'closed' AND NOT s.id = ANY(@except)
              AND EXISTS (SELECT 1 FROM unnest(s.process_codes) p WHERE p = @process OR p LIKE @process || '.%')
              AND NOT EXISTS (SELECT 1 FROM account_suppliers a WHERE a.supplier_id = s.id)
            ORDER BY s.location <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, s.id LIMIT @take
            """, new { process, except, take, lat = s_toyota.Lat, lon = s_toyota.Lon }, tx, cancellationToken: ct))];

    /// <summary>A site's digital-readiness facts as its answers show them.</summary>
    private static Task ReadinessAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid[] sites, string via, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE suppliers SET fax_only = (@via = 'link'), edi = (@via = 'import'), online_ordering = (@via <> 'link'), updated_at = now()
            WHERE id = ANY(@sites)
            """, new { sites, via }, tx, cancellationToken: ct));

    /// <summary>One route of legs, in step order, written as the API leaves it after these steps; its plan kept, one event per order.</summary>
    private async Task PlaceAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DateOnly today, Leg[] legs, CancellationToken ct)
    {
        var routeId = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO order_routes (id, buyer_account_id, legs, delivery_address, delivery_lat, delivery_lon, created_at)
            VALUES (@routeId, @s_buyer, @count, @Delivery, @lat, @lon, now() + make_interval(days => @day))
            """, new { routeId, s_buyer, count = legs.Length, Delivery, lat = s_toyota.Lat, lon = s_toyota.Lon, day = legs[0].OrderedDay }, tx, cancellationToken: ct));
        var ids = new List<Guid>();
        for (var i = 0; i < legs.Length; i++)
        {
            var leg = legs[i];
            var id = Guid.CreateVersion7();
            ids.Add(id);
            var totals = OrderAmounts.Of([new OrderLineInput { ItemName = leg.Item, PartNumber = $"DM-{i + 1:00}", Quantity = leg.Quantity, Unit = "個", UnitPrice = leg.UnitPrice, TaxRate = 10 }]);
            var shipped = leg.Shipments.Sum(s => s.Quantity);
            var final = leg.Shipments.Any(s => s.Final);
            DateTime? At(int? day) => day is { } d ? today.AddDays(d).ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc) : null;
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO orders (id, route_id, leg, buyer_account_id, supplier_id, order_number, status, lines, subtotal, tax, total,
                                    ordered_on, due_on, lead_days, ship_to_supplier_id, qa_documents, reason, proposal, shipped_quantity, fully_shipped,
                                    accepted_quantity, rejected_quantity, first_answer_via, sent_at, answered_at, shipped_at, received_at, created_at, updated_at)
                VALUES (@id, @routeId, @leg, @s_buyer, @Site, @Number, @Status, @lines::jsonb, @Subtotal, @Tax, @Total,
                        @orderedOn, @dueOn, @LeadDays, @shipTo, '{inspection_report}', @Reason, @proposal::jsonb, @shipped, @final,
                        @acceptedQuantity, @rejectedQuantity, @Via, @sentAt, @answeredAt, @shippedAt, @receivedAt, @createdAt, now())
                """,
                new
                {
                    id,
                    routeId,
                    leg = i + 1,
                    s_buyer,
                    leg.Site,
                    leg.Number,
                    leg.Status,
                    lines = JsonSerializer.Serialize(totals.Lines, StoredJson.Options),
                    totals.Subtotal,
                    totals.Tax,
                    totals.Total,
                    orderedOn = today.AddDays(leg.OrderedDay).ToDateTime(TimeOnly.MinValue),
                    dueOn = today.AddDays(leg.DueDay).ToDateTime(TimeOnly.MinValue),
                    leg.LeadDays,
                    shipTo = i + 1 < legs.Length ? legs[i + 1].Site : (Guid?)null,
                    Reason = leg.Reason,
                    proposal = leg.ProposedDueDay is { } p
                        ? JsonSerializer.Serialize(new OrderProposal { DueDate = today.AddDays(p), Note = "材料の入荷が遅れるため" }, StoredJson.Options) : null,
                    shipped,
                    final,
                    acceptedQuantity = leg.Receipt?.Accepted,
                    rejectedQuantity = leg.Receipt?.Rejected,
                    leg.Via,
                    sentAt = leg.Status == "draft" ? null : At(leg.OrderedDay),
                    answeredAt = At(leg.AnsweredDay),
                    shippedAt = final ? At(leg.Shipments.Max(s => s.Day)) : null,
                    receivedAt = leg.Receipt is null ? null : At(leg.Shipments.Max(s => s.Day) + 2),
                    createdAt = At(leg.OrderedDay),
                }, tx, cancellationToken: ct));
            foreach (var (quantity, day, isFinal) in leg.Shipments)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO order_shipments (id, order_id, quantity, shipped_on, final, recorded_at) VALUES (@sid, @id, @quantity, @on, @isFinal, @at)",
                    new { sid = Guid.CreateVersion7(), id, quantity, on = today.AddDays(day).ToDateTime(TimeOnly.MinValue), isFinal, at = At(day) }, tx, cancellationToken: ct));
            }

            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO order_milestones (order_id, position, kind, label, planned_on, actual_on) VALUES (@id, @position, @kind, @label, @planned, @actual)
                """, leg.Milestones.Select((m, p) => new
            {
                id,
                position = p + 1,
                kind = m.Kind,
                label = m.Label,
                planned = m.Planned is { } pl ? today.AddDays(pl).ToDateTime(TimeOnly.MinValue) : (DateTime?)null,
                actual = m.Actual is { } ac ? today.AddDays(ac).ToDateTime(TimeOnly.MinValue) : (DateTime?)null,
            }), tx, cancellationToken: ct));
        }

        var route = await planning.RecomputeAsync(connection, tx, routeId, ids[0], ct);
        foreach (var row in route.Orders)
        {
            var order = row.ToDto(route.Details, route.Plan.Legs.Single(l => l.Number == row.Leg));
            await Outbox.EmitToPartiesAsync(connection, tx, s_events[row.Status], "order", row.Id, row.SupplierId, row.BuyerAccountId, row.Version, null, order, ct);
        }
    }
}
