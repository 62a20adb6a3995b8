using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Registry.Api.Suppliers;
using Registry.Contracts.Clusters;
using Registry.Contracts.Orders;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// The order indicators for coordinators (DESIGN §11, GET /api/v1/analytics/orders): per sector and municipality,
/// the 3-firm rule with its complementary suppression, and the figures themselves.
/// <para>
/// Each test keeps to its own data by time, not by place: its orders are sent today and then moved back, whole — sent,
/// ordered, due and shipped days together — by a number of days drawn for the test run ("they were placed then"),
/// and the report is asked for that one day. It also keeps to a prefecture no other test uses (36, Tokushima).
/// Moving a due date before its shipment is also the only way to have a leg ship late within one test: the service
/// refuses a due date already past and a shipment dated in the future.
/// </para>
/// </summary>
[Collection(SharedApi.Name)]
public sealed class OrderIndicatorTests(RegistryApiFactory api)
{
    private const string Prefecture = "36";
    private static readonly DateOnly s_today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private readonly int _daysBack = Random.Shared.Next(400, 20_000);

    private static string Municipality(string code5) => code5 + CodeValidators.MunicipalityCheckDigit(code5);

    [Fact]
    public async Task CellsOfFewerThanThreeFirmsAreSuppressedAndNoFirmsValueCanBeReadOffTheTotal()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        var (tokushima, naruto, anan) = (Municipality("36201"), Municipality("36202"), Municipality("36204"));
        // 鳴門市: 3 firms; 阿南市: 4 firms; 徳島市: 1 firm (the one to protect). All of JSIC 26.
        var sites = new List<(Guid Id, string Municipality)>();
        foreach (var (municipality, count) in new[] { (naruto, 3), (anan, 4), (tokushima, 1) })
        {
            for (var i = 0; i < count; i++)
            {
                sites.Add(((await SiteAsync(coordinator.Client, $"{municipality}-{i}", municipality, "26")).Id, municipality));
            }
        }

        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [.. sites.Select(s => s.Id)]);
        var orders = new List<Order>();
        for (var i = 0; i < sites.Count; i++)
        {
            // Each firm its own value: 1000 × (i + 1) yen before tax.
            var order = await SentAsync(buyer.Client, sites[i].Id, $"IND-{_tag}-{i}", 1000 * (i + 1));
            orders.Add(await OrderTests.ActAsync(supplier.Client, order, "accept"));
        }

        await ShiftBackAsync(orders.Select(o => o.Id));
        var report = await ReportAsync(coordinator.Client);

        var alone = Cell(report, "26", tokushima);
        var three = Cell(report, "26", naruto);
        var four = Cell(report, "26", anan);
        // The lone firm's cell is suppressed (primary) — every figure withheld, not just the value.
        Assert.True(alone.Suppressed);
        Assert.Equal([null, null, null, null], new object?[] { alone.Firms, alone.Orders, alone.Value, alone.FirmsByAccount });
        // With only that cell withheld, total − shown cells would be that firm's value: the smallest shown cell
        // (3 firms, fewer than 4) is withheld too, although it meets the rule on its own.
        Assert.True(three.Suppressed);
        Assert.False(four.Suppressed);
        Assert.Equal((4, 4), (four.Firms, four.Orders));
        Assert.Equal(Enumerable.Range(4, 4).Sum(i => 1100L * i), four.Value);
        Assert.False(report.Total.Suppressed);
        Assert.Equal((8, 8), (report.Total.Firms, report.Total.Orders));

        // What a reader can compute from the report: total minus every cell shown. It is the sum of 4 firms, not the
        // lone firm's 8,800 yen (8000 + tax), nor any other single firm's value.
        var remainder = report.Total.Value!.Value - report.Cells.Where(c => !c.Suppressed).Sum(c => c.Value!.Value);
        Assert.Equal(orders.Where(o => sites.Single(s => s.Id == o.Supplier.SupplierId).Municipality != anan).Sum(o => o.Total), remainder);
        Assert.DoesNotContain(remainder, orders.Select(o => o.Total));
        Assert.NotEqual(orders.Single(o => o.Supplier.SupplierId == sites.Single(s => s.Municipality == tokushima).Id).Total, remainder);
        Assert.True(report.Cells.Where(c => c.Suppressed).Count() >= 2);
    }

    [Fact]
    public async Task OnTimeRateLeadTimeValueAndHowFirmsAnswerAreCountedForCoordinatorsOnly()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        var komatsushima = Municipality("36203");
        var sites = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            sites.Add((await SiteAsync(coordinator.Client, $"k-{i}", komatsushima, "24")).Id);
        }

        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [sites[0], sites[1]]);
        // Site 0 answers in its account and ships; site 1 in its account and ships (to be made late); site 2 only
        // through the response link and ships; site 3 never answers.
        var a = await OrderTests.ActAsync(supplier.Client, await SentAsync(buyer.Client, sites[0], $"OT-{_tag}-0", 1000), "accept");
        var b = await OrderTests.ActAsync(supplier.Client, await SentAsync(buyer.Client, sites[1], $"OT-{_tag}-1", 2000), "accept");
        var c = await SentAsync(buyer.Client, sites[2], $"OT-{_tag}-2", 3000);
        var d = await SentAsync(buyer.Client, sites[3], $"OT-{_tag}-3", 4000);
        a = await OrderTests.ActAsync(supplier.Client, a, "shipments", new OrderShipmentInput { Quantity = 10, Final = true });
        b = await OrderTests.ActAsync(supplier.Client, b, "shipments", new OrderShipmentInput { Quantity = 10, Final = true });
        using (var link = await buyer.Client.PostAsync($"/api/v1/orders/{c.Id}/links", null))
        {
            Assert.Equal(HttpStatusCode.Created, link.StatusCode);
            var token = (await link.ReadJsonAsync<OrderLinkCreated>())!.Token;
            using var anonymous = api.CreateClient();
            c = await ByLinkAsync(anonymous, token, "/accept", null, c.Version);
            c = await ByLinkAsync(anonymous, token, "/shipments", new OrderShipmentInput { Quantity = 10, Final = true }, c.Version);
        }

        // Ten days pass between sending and shipping for everyone; site 1's due day was the day before its shipment.
        await ShiftBackAsync([a.Id, b.Id, c.Id, d.Id], shippedAfterDays: 10);
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.ExecuteAsync("""
                UPDATE orders o SET due_on = (SELECT max(shipped_on) FROM order_shipments s WHERE s.order_id = o.id) - 1 WHERE o.id = @id
                """, new { id = b.Id });
        }

        var cell = Cell(await ReportAsync(coordinator.Client), "24", komatsushima);
        Assert.False(cell.Suppressed);
        Assert.Equal((4, 4), (cell.Firms, cell.Orders));
        Assert.Equal(1100L + 2200 + 3300 + 4400, cell.Value);
        Assert.Equal(3, cell.ShippedLegs);
        Assert.Equal(Math.Round(2.0 / 3, 4), cell.OnTimeRate);
        Assert.Equal(10.0, cell.MeanLeadDays);
        Assert.Equal((2, 1, 1), (cell.FirmsByAccount, cell.FirmsByLink, cell.FirmsUnanswered));
        Assert.NotNull(cell.MeanRouteDistanceKm);

        // Per site, how it answers (counts of answers, no amounts).
        var report = await ReportAsync(coordinator.Client);
        var answers = report.Sites.Where(s => sites.Contains(s.SupplierId)).ToDictionary(s => s.SupplierId);
        Assert.Equal((1, 0, 0), (answers[sites[0]].ByAccount, answers[sites[0]].ByLink, answers[sites[0]].Unanswered));
        Assert.Equal((0, 1, 0), (answers[sites[2]].ByAccount, answers[sites[2]].ByLink, answers[sites[2]].Unanswered));
        Assert.Equal((0, 0, 1), (answers[sites[3]].ByAccount, answers[sites[3]].ByLink, answers[sites[3]].Unanswered));

        // Coordinators only; a bad period is a 400 in the caller's language.
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.Client.GetAsync("/api/v1/analytics/orders")).StatusCode);
        using (var anonymous = api.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/analytics/orders")).StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/orders?from=2026-05-01&to=2026-04-01");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja"));
        using var bad = await coordinator.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("終了日は開始日より後にしてください。", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static OrderIndicatorCell Cell(OrderIndicators report, string sector, string municipality) =>
        Assert.Single(report.Cells, c => c.Sector == sector && c.MunicipalityCode == municipality);

    private async Task<OrderIndicators> ReportAsync(HttpClient coordinator)
    {
        var day = s_today.AddDays(-_daysBack);
        using var response = await coordinator.GetAsync($"/api/v1/analytics/orders?from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}&prefecture={Prefecture}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<OrderIndicators>())!;
    }

    /// <summary>A published site of its own firm (no corporate number: the site is the firm) in Tokushima.</summary>
    private async Task<Registry.Contracts.Suppliers.SupplierProfile> SiteAsync(HttpClient coordinator, string name, string municipality, string sector) =>
        await Sites.PublishedAsync(coordinator, Sites.Input($"指標 {_tag} {name}", new Registry.Contracts.Suppliers.GeoLocation { Lat = 34.07, Lon = 134.55 }, municipality: municipality) with
        {
            CorporateNumber = null,
            PrefectureCode = Prefecture,
            Address = "徳島県 1-1",
            IndustryCodes = [sector],
        });

    /// <summary>A direct order of 10 parts worth <paramref name="amount"/> yen before tax, sent.</summary>
    private static async Task<Order> SentAsync(HttpClient buyer, Guid site, string number, long amount)
    {
        var input = OrderTests.Direct(site, number, new OrderLineInput { ItemName = "部品", Quantity = 10, Unit = "個", UnitPrice = amount / 10, TaxRate = 10 })
            with
        { DeliveryPoint = new Registry.Contracts.Suppliers.GeoLocation { Lat = 34.1, Lon = 134.6 } };
        var draft = Assert.Single((await OrderTests.CreateAsync(buyer, input)).Orders);
        return await OrderTests.ActAsync(buyer, draft, "send");
    }

    private static async Task<Order> ByLinkAsync(HttpClient client, string token, string path, object? body, int version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/order-link" + path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json.Options) };
        request.Headers.Add("Order-Link", token);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Order>())!;
    }

    /// <summary>
    /// Moves the orders back in time as a whole, as if placed <see cref="_daysBack"/> days ago: sent, ordered and due
    /// days, and their shipments <paramref name="shippedAfterDays"/> days after sending.
    /// </summary>
    private async Task ShiftBackAsync(IEnumerable<Guid> orderIds, int shippedAfterDays = 0)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.ExecuteAsync("""
            UPDATE orders SET sent_at = sent_at - make_interval(days => @days), answered_at = answered_at - make_interval(days => @days),
                ordered_on = ordered_on - @days, due_on = due_on - @days, expected_ship_on = expected_ship_on - @days
            WHERE id = ANY(@ids);
            UPDATE order_shipments SET shipped_on = shipped_on - @days + @after WHERE order_id = ANY(@ids);
            """, new { ids = orderIds.ToArray(), days = _daysBack, after = shippedAfterDays });
    }
}
