using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Api.Orders;
using Registry.Contracts.Matching;
using Registry.Contracts.Orders;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.MatchingPreviewTests;
using static Registry.IntegrationTests.OrderTests;

namespace Registry.IntegrationTests;

/// <summary>
/// What orders change without anyone writing to them (DESIGN §11): how a site actually answers becomes its observed
/// digital readiness (seen by its owners and coordinators only), and days passing move a late leg and the legs after it.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class OrderClockTests(RegistryApiFactory api)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task HowASiteAnswersItsOrdersIsObservedForItsOwnersAndCoordinatorsOnly()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"回答観測 {_tag}"))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [site]);
        using var anonymous = api.CreateClient();
        var path = $"/api/v1/suppliers/{site}";
        var publicBefore = await anonymous.GetAsync(path);
        Assert.Null((await publicBefore.ReadJsonAsync<SupplierProfile>())!.AnswersOrdersBy);
        Assert.Null((await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<SupplierProfile>())!.AnswersOrdersBy);

        // Answered through the response link (the FAX bridge): observed as such.
        var a = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(site, $"OA-{_tag}"))).Orders), "send");
        var link = (await (await buyer.Client.PostAsync($"/api/v1/orders/{a.Id}/links", null)).ReadJsonAsync<OrderLinkCreated>())!;
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/order-link/accept"))
        {
            request.Headers.Add("Order-Link", link.Token);
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{a.Version}\""));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(request)).StatusCode);
        }

        var seen = (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<SupplierProfile>())!;
        Assert.Equal(OrderAnswering.Link, seen.AnswersOrdersBy);
        Assert.Equal(OrderAnswering.Link, (await (await supplier.Client.GetAsync(path)).ReadJsonAsync<SupplierProfile>())!.AnswersOrdersBy);

        // The public neither sees it nor can tell that anything happened: same body, same validator.
        var publicAfter = await anonymous.GetAsync(path);
        Assert.Null((await publicAfter.ReadJsonAsync<SupplierProfile>())!.AnswersOrdersBy);
        Assert.Equal(publicBefore.Headers.ETag, publicAfter.Headers.ETag);
        using (var members = await TestAccounts.SignInAsync(api, "member"))
        {
            Assert.Null((await (await members.Client.GetAsync(path)).ReadJsonAsync<SupplierProfile>())!.AnswersOrdersBy);
        }

        // The firm starts answering in its account: the latest answer is what it does now.
        var b = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(site, $"OB-{_tag}"))).Orders), "send");
        await ActAsync(supplier.Client, b, "accept");
        var now = (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<SupplierProfile>())!;
        Assert.Equal(OrderAnswering.Account, now.AnswersOrdersBy);
        Assert.True(now.Version > seen.Version);

        // An order left unanswered: not counted for three days, then the clock observes it as not answered at all.
        var c = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(site, $"OC-{_tag}"))).Orders), "send");
        var clock = api.Services.GetRequiredService<OrderClock>();
        await clock.SweepAsync(CancellationToken.None);
        Assert.Equal(OrderAnswering.Account, (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<SupplierProfile>())!.AnswersOrdersBy);
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            // Four days pass: the earlier orders were sent (and answered) before it.
            await connection.ExecuteAsync("UPDATE orders SET sent_at = sent_at - interval '5 days' WHERE id = ANY(@earlier)", new { earlier = new[] { a.Id, b.Id } });
            await connection.ExecuteAsync("UPDATE orders SET sent_at = now() - interval '4 days' WHERE id = @id", new { id = c.Id });
        }

        await clock.SweepAsync(CancellationToken.None);
        Assert.Equal(OrderAnswering.None, (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<SupplierProfile>())!.AnswersOrdersBy);
        var observed = (await Outboxed.OfAsync(api, site)).Where(e => e.Type == "supplier.order_answers_observed").ToList();
        Assert.Equal(3, observed.Count);
        Assert.All(observed, e => Assert.Equal("coordinators", e.Visibility));
        Assert.Equal(publicBefore.Headers.ETag, (await anonymous.GetAsync(path)).Headers.ETag);
    }

    [Fact]
    public async Task DaysPassingMoveALateLegAndTellTheFirmsDownstream()
    {
        await ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var milling = await SiteAsync(coordinator.Client, $"時計切削 {_tag}", 0.02, "machining.milling.machining_centre", 5, []);
        var plating = await SiteAsync(coordinator.Client, $"時計めっき {_tag}", 0.04, "surface.plating.nickel", 5, []);
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var first = await TestAccounts.SignInAsync(api, "supplier", [milling]);
        using var second = await TestAccounts.SignInAsync(api, "supplier", [plating]);
        var request = (await (await buyer.Client.PostAsJsonAsync("/api/v1/matching-requests", Request(Step("machining.milling"), Step("surface.plating")), Json.Options))
            .ReadJsonAsync<MatchingRequest>())!;
        Assert.Equal(HttpStatusCode.OK, (await buyer.Client.PostAsync($"/api/v1/matching-requests/{request.Id}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await buyer.Client.PostAsJsonAsync($"/api/v1/matching-requests/{request.Id}/award",
            new AwardInput { SupplierId = milling, StepSupplierIds = [milling, plating] }, Json.Options)).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var route = await CreateAsync(buyer.Client, new OrderRouteInput
        {
            RequestId = request.Id,
            Legs = [.. new[] { milling, plating }.Select((s, i) => Direct(s, $"T{i}-{_tag}").Legs[0] with { DueDate = today.AddDays(20 + (10 * i)) })],
            DeliveryAddress = "鹿児島市 納入口",
        });
        foreach (var order in route.Orders)
        {
            await ActAsync(buyer.Client, order, "send");
        }

        await ActAsync(first.Client, (await (await first.Client.GetAsync($"/api/v1/orders/{route.Orders[0].Id}")).ReadJsonAsync<Order>())!, "accept");
        var clock = api.Services.GetRequiredService<OrderClock>();
        await clock.SweepAsync(CancellationToken.None);
        var downstream = (await Outboxed.OfAsync(api, route.Orders[1].Id)).Count(e => e.Type == "order.expected_changed");

        // Three weeks pass as the database sees them: the first leg, ordered then and due a week ago, has not shipped.
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.ExecuteAsync("""
                UPDATE orders SET ordered_on = ordered_on - 21, due_on = ordered_on - 14, expected_ship_on = expected_ship_on - 21 WHERE id = @id
                """, new { id = route.Orders[0].Id });
        }

        await clock.SweepAsync(CancellationToken.None);
        var moved = (await (await buyer.Client.GetAsync($"/api/v1/order-routes/{route.Id}")).ReadJsonAsync<OrderRoute>())!;
        Assert.True(moved.Late);
        Assert.True(moved.Orders[0].ExpectedShipOn >= today);
        // The plating firm downstream is told, for its parties only.
        var told = (await Outboxed.OfAsync(api, route.Orders[1].Id)).Where(e => e.Type == "order.expected_changed").ToList();
        Assert.Equal(downstream + 1, told.Count);
        Assert.Equal(("parties", (Guid?)plating), (told[^1].Visibility, told[^1].SupplierId));
        var seen = (await (await second.Client.GetAsync($"/api/v1/orders/{route.Orders[1].Id}")).ReadJsonAsync<Order>())!;
        Assert.Equal(seen.ExpectedShipOn, moved.Orders[1].ExpectedShipOn);

        // Nothing moved since: a second sweep tells nobody again.
        await clock.SweepAsync(CancellationToken.None);
        Assert.Equal(told.Count, (await Outboxed.OfAsync(api, route.Orders[1].Id)).Count(e => e.Type == "order.expected_changed"));
    }
}
