using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Registry.Contracts.Matching;
using Registry.Contracts.Orders;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.MatchingPreviewTests;

namespace Registry.IntegrationTests;

/// <summary>
/// Orders along a route (DESIGN §11): amounts computed by the service, the lifecycle and its refusals, who sees what
/// on a route, the response link, and the expected days that move for the firms downstream.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class OrderTests(RegistryApiFactory api)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private static readonly DateOnly s_today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    [Fact]
    public async Task ADirectOrderGoesFromSentToClosedWithAmountsTheServiceComputes()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"注文先 {_tag}"))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [site]);
        using var stranger = await TestAccounts.SignInAsync(api, "supplier", [(await Sites.PublishedAsync(coordinator.Client, Sites.Input($"無関係 {_tag}"))).Id]);

        var route = await CreateAsync(buyer.Client, Direct(site, $"PO-{_tag}", new OrderLineInput { ItemName = "ブラケット", PartNumber = "BR-1", Quantity = 3, Unit = "個", UnitPrice = 333, TaxRate = 10 },
            new OrderLineInput { ItemName = "梱包材", Quantity = 7, Unit = "枚", UnitPrice = 15, TaxRate = 8 }));
        var order = Assert.Single(route.Orders);
        // 999 at 10 % is 99.9 yen, rounded down once for the rate; 105 at 8 % is 8.4.
        Assert.Equal((999L, 105L), (order.Lines[0].Amount, order.Lines[1].Amount));
        Assert.Equal([(10, 999L, 99L), (8, 105L, 8L)], order.Taxes.Select(t => (t.TaxRate, t.Taxable, t.Tax)));
        Assert.Equal((1104L, 107L, 1211L), (order.Subtotal, order.Tax, order.Total));
        Assert.Equal(OrderStatus.Draft, order.Status);

        // A draft is the buyer's alone: its supplier does not see it yet, a stranger never.
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.Client.GetAsync($"/api/v1/orders/{order.Id}")).StatusCode);
        order = await ActAsync(buyer.Client, order, "send");
        Assert.Equal(HttpStatusCode.OK, (await supplier.Client.GetAsync($"/api/v1/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/v1/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.GetAsync($"/api/v1/orders/{order.Id}")).StatusCode);

        // If-Match is required and must be current; the wrong side is refused; a state that does not allow it is a 409.
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(supplier.Client, HttpMethod.Post, $"/api/v1/orders/{order.Id}/accept", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(supplier.Client, HttpMethod.Post, $"/api/v1/orders/{order.Id}/accept", null, order.Version - 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(buyer.Client, HttpMethod.Post, $"/api/v1/orders/{order.Id}/accept", null, order.Version)).StatusCode);
        using (var early = await SendAsync(buyer.Client, HttpMethod.Post, $"/api/v1/orders/{order.Id}/receipt", new OrderReceiptInput { AcceptedQuantity = 10, RejectedQuantity = 0 }, order.Version))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("送付済み", (await early.ReadJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        order = await ActAsync(supplier.Client, order, "accept");
        Assert.Equal((OrderStatus.Accepted, AnswerChannel.Account), (order.Status, order.AnsweredVia));
        using (var tooMany = await SendAsync(supplier.Client, HttpMethod.Post, $"/api/v1/orders/{order.Id}/shipments", new OrderShipmentInput { Quantity = 11, Final = false }, order.Version))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        }

        order = await ActAsync(supplier.Client, order, "shipments", new OrderShipmentInput { Quantity = 4, Final = false });
        Assert.Equal((OrderStatus.Shipped, 4), (order.Status, order.ShippedQuantity));
        // Parts still to ship: not yet receivable, and no longer cancellable.
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(buyer.Client, HttpMethod.Post, $"/api/v1/orders/{order.Id}/receipt", new OrderReceiptInput { AcceptedQuantity = 4, RejectedQuantity = 0 }, order.Version)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(buyer.Client, HttpMethod.Post, $"/api/v1/orders/{order.Id}/cancel", new OrderReasonInput { Reason = "不要" }, order.Version)).StatusCode);
        order = await ActAsync(supplier.Client, order, "shipments", new OrderShipmentInput { Quantity = 6, Final = true });
        Assert.Equal(2, order.Shipments.Count);

        // Rejected parts need a reason, in the caller's language.
        using (var noReason = await SendAsync(buyer.Client, HttpMethod.Post, $"/api/v1/orders/{order.Id}/receipt", new OrderReceiptInput { AcceptedQuantity = 8, RejectedQuantity = 2 }, order.Version, "ja"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("理由", (await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        order = await ActAsync(buyer.Client, order, "receipt", new OrderReceiptInput { AcceptedQuantity = 8, RejectedQuantity = 2, Reason = "バリ残り" });
        Assert.Equal((OrderStatus.Received, 8, 2, "バリ残り"), (order.Status, order.AcceptedQuantity, order.RejectedQuantity, order.Reason));
        order = await ActAsync(buyer.Client, order, "close");
        Assert.Equal(OrderStatus.Closed, order.Status);

        // Every step is audited and went to the outbox for the parties only; refusals left nothing.
        var events = await Outboxed.OfAsync(api, order.Id);
        Assert.Equal(["order.created", "order.sent", "order.accepted", "order.shipped", "order.shipped", "order.received", "order.closed"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(("parties", (Guid?)site), (e.Visibility, e.SupplierId)));
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        Assert.Equal(7, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log WHERE resource = 'order' AND resource_id = @id", new { id = order.Id.ToString() }));
    }

    [Fact]
    public async Task OrderNumbersAreTheBuyersOwnAndAmountsAreNeverTakenFromTheClient()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"番号 {_tag}"))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var other = await TestAccounts.SignInAsync(api, "member");
        await CreateAsync(buyer.Client, Direct(site, $"N-{_tag}"));
        using (var again = await buyer.Client.PostAsJsonAsync("/api/v1/orders", Direct(site, $"N-{_tag}"), Json.Options))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // Another buyer may use the same number.
        await CreateAsync(other.Client, Direct(site, $"N-{_tag}"));

        // A body that carries its own amount is refused as an unknown field; a tax rate other than 10 or 8 too.
        var withAmount = new
        {
            legs = new[] { new { supplierId = site, orderNumber = $"A-{_tag}", dueDate = s_today.AddDays(20), lines = new[] { new { itemName = "軸", quantity = 1, unit = "個", unitPrice = 100, taxRate = 10, amount = 1 } } } },
            deliveryAddress = "豊田市",
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.Client.PostAsJsonAsync("/api/v1/orders", withAmount, Json.Options)).StatusCode);
        var badTax = Direct(site, $"T-{_tag}") with { Legs = [Direct(site, $"T-{_tag}").Legs[0] with { Lines = [Line() with { TaxRate = 9 }] }] };
        using var refused = await buyer.Client.PostAsJsonAsync("/api/v1/orders", badTax, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("legs[0].lines[0].taxRate", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var past = Direct(site, $"P-{_tag}") with { Legs = [Direct(site, $"P-{_tag}").Legs[0] with { DueDate = s_today.AddDays(-1) }] };
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.Client.PostAsJsonAsync("/api/v1/orders", past, Json.Options)).StatusCode);

        // Creation is idempotent under a key.
        using var first = await PostWithKeyAsync(buyer.Client, Direct(site, $"I-{_tag}"), _tag);
        using var replay = await PostWithKeyAsync(buyer.Client, Direct(site, $"I-{_tag}"), _tag);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, replay.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AProposalIsAgreedOrRefusedByTheBuyer()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"提案 {_tag}"))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [site]);
        var order = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(site, $"R-{_tag}"))).Orders), "send");

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(supplier.Client, HttpMethod.Post, $"/api/v1/orders/{order.Id}/propose", new OrderProposalInput { Quantities = [1, 2] }, order.Version)).StatusCode);
        order = await ActAsync(supplier.Client, order, "propose", new OrderProposalInput { DueDate = order.DueDate.AddDays(7), Quantities = [8], Note = "材料待ち" });
        Assert.Equal((OrderStatus.Proposed, 8), (order.Status, order.Proposal!.Quantities![0]));
        order = await ActAsync(buyer.Client, order, "refuse", new OrderReasonInput { Reason = "納期厳守でお願いします" });
        Assert.Equal((OrderStatus.Sent, (OrderProposal?)null), (order.Status, order.Proposal));

        var due = order.DueDate.AddDays(5);
        order = await ActAsync(supplier.Client, order, "propose", new OrderProposalInput { DueDate = due, Quantities = [8] });
        order = await ActAsync(buyer.Client, order, "agree");
        Assert.Equal((OrderStatus.Accepted, due, 8, 800L, 880L), (order.Status, order.DueDate, order.Lines[0].Quantity, order.Subtotal, order.Total));

        // Lists filter by wire names: the supplier's received orders in a state, the buyer's placed ones.
        order = await ActAsync(supplier.Client, order, "start");
        var received = (await (await supplier.Client.GetAsync("/api/v1/orders?side=received&status=in_progress")).ReadJsonAsync<Registry.Contracts.Page<Order>>())!;
        Assert.Equal([order.Id], received.Items.Select(o => o.Id));
        Assert.Empty((await (await supplier.Client.GetAsync("/api/v1/orders?side=placed")).ReadJsonAsync<Registry.Contracts.Page<Order>>())!.Items);
        Assert.Equal([order.Id], (await (await buyer.Client.GetAsync("/api/v1/orders?side=placed")).ReadJsonAsync<Registry.Contracts.Page<Order>>())!.Items.Select(o => o.Id));
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.Client.GetAsync("/api/v1/orders?status=underway")).StatusCode);
    }

    [Fact]
    public async Task OnAChainRouteEachFirmSeesItsOwnOrderTheLegBeforeWithoutPricesAndWhereItShips()
    {
        await ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var milling = await SiteAsync(coordinator.Client, $"鹿児島切削 {_tag}", 0.02, "machining.milling.machining_centre", 5, []);
        var welding = await SiteAsync(coordinator.Client, $"鹿児島溶接 {_tag}", 0.03, "joining.welding.tig", 5, []);
        var plating = await SiteAsync(coordinator.Client, $"鹿児島めっき {_tag}", 0.04, "surface.plating.nickel", 5, []);
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var first = await TestAccounts.SignInAsync(api, "supplier", [milling]);
        using var second = await TestAccounts.SignInAsync(api, "supplier", [welding]);

        using var created = await buyer.Client.PostAsJsonAsync("/api/v1/matching-requests",
            Request(Step("machining.milling"), Step("joining.welding"), Step("surface.plating")), Json.Options);
        var request = (await created.ReadJsonAsync<MatchingRequest>())!;
        var path = $"/api/v1/matching-requests/{request.Id}";
        Assert.Equal(HttpStatusCode.OK, (await buyer.Client.PostAsync(path + "/open", null)).StatusCode);

        // A chain out of step order, or a route that is not the award, is refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await buyer.Client.PostAsJsonAsync(path + "/award",
            new AwardInput { SupplierId = milling, StepSupplierIds = [welding, milling, plating] }, Json.Options)).StatusCode);
        using var award = await buyer.Client.PostAsJsonAsync(path + "/award", new AwardInput { SupplierId = milling, StepSupplierIds = [milling, welding, plating] }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, award.StatusCode);
        Assert.Equal([milling, welding, plating], (await award.ReadJsonAsync<MatchingRequest>())!.AwardedChain);
        var legs = new[] { milling, welding, plating }.Select((s, i) => Direct(s, $"C{i}-{_tag}").Legs[0] with { DueDate = s_today.AddDays(20 + (10 * i)) }).ToList();
        legs[0] = legs[0] with { Lines = [Line() with { UnitPrice = 98765 }] };
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.Client.PostAsJsonAsync("/api/v1/orders",
            new OrderRouteInput { RequestId = request.Id, Legs = [legs[1], legs[0], legs[2]], DeliveryAddress = "鹿児島市" }, Json.Options)).StatusCode);
        var route = await CreateAsync(buyer.Client, new OrderRouteInput { RequestId = request.Id, Legs = legs, DeliveryAddress = "鹿児島市 納入口" });
        Assert.Equal([milling, welding, plating], route.Orders.Select(o => o.Supplier.SupplierId!.Value));
        Assert.Equal([welding, plating, (Guid?)null], route.Orders.Select(o => o.ShipTo.SupplierId));
        Assert.Equal("鹿児島市 納入口", route.Orders[2].ShipTo.Address);
        foreach (var order in route.Orders)
        {
            await ActAsync(buyer.Client, order, "send");
        }

        // The second firm: its own order, the first leg's progress without lines or prices, not the first's order.
        var seen = (await (await second.Client.GetAsync($"/api/v1/order-routes/{route.Id}")).ReadJsonAsync<OrderRoute>())!;
        Assert.Equal([route.Orders[1].Id], seen.Orders.Select(o => o.Id));
        Assert.Equal((milling, 1), (seen.Previous!.Supplier.SupplierId!.Value, seen.Previous.Leg));
        var raw = await (await second.Client.GetAsync($"/api/v1/order-routes/{route.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(route.Orders[0].OrderNumber, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("98765", raw, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await second.Client.GetAsync($"/api/v1/orders/{route.Orders[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.GetAsync($"/api/v1/order-routes/{route.Id}")).StatusCode);
        // Unless the buyer invites the coordinator, who then follows the whole route but acts on none of it.
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.Client.PutAsync($"/api/v1/order-routes/{route.Id}/observers/{second.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.Client.PutAsync($"/api/v1/order-routes/{route.Id}/observers/{coordinator.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await buyer.Client.PutAsync($"/api/v1/order-routes/{route.Id}/observers/{coordinator.Id}", null)).StatusCode);
        var followed = (await (await coordinator.Client.GetAsync($"/api/v1/order-routes/{route.Id}")).ReadJsonAsync<OrderRoute>())!;
        Assert.Equal(3, followed.Orders.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(coordinator.Client, HttpMethod.Post, $"/api/v1/orders/{route.Orders[2].Id}/cancel", new OrderReasonInput { Reason = "調整" }, followed.Orders[2].Version)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await buyer.Client.DeleteAsync($"/api/v1/order-routes/{route.Id}/observers/{coordinator.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.GetAsync($"/api/v1/order-routes/{route.Id}")).StatusCode);
        // The buyer sees the whole route.
        var whole = (await (await buyer.Client.GetAsync($"/api/v1/order-routes/{route.Id}")).ReadJsonAsync<OrderRoute>())!;
        Assert.Equal(3, whole.Orders.Count);
        Assert.Null(whole.Previous);

        // The first leg ships earlier than planned: the legs downstream are told their new expected days.
        var legOne = await ActAsync(first.Client, (await (await first.Client.GetAsync($"/api/v1/orders/{route.Orders[0].Id}")).ReadJsonAsync<Order>())!, "accept");
        var before = (await (await second.Client.GetAsync($"/api/v1/orders/{route.Orders[1].Id}")).ReadJsonAsync<Order>())!.ExpectedShipOn;
        await ActAsync(first.Client, legOne, "shipments", new OrderShipmentInput { Quantity = 10, Final = true });
        var after = (await (await second.Client.GetAsync($"/api/v1/orders/{route.Orders[1].Id}")).ReadJsonAsync<Order>())!;
        Assert.True(after.ExpectedShipOn < before, $"{after.ExpectedShipOn} < {before}");
        var told = (await Outboxed.OfAsync(api, route.Orders[1].Id)).Where(e => e.Type == "order.expected_changed").ToList();
        Assert.Equal(("parties", (Guid?)welding), (told.Single().Visibility, told.Single().SupplierId));
        Assert.Single(await Outboxed.OfAsync(api, route.Orders[2].Id), e => e.Type == "order.expected_changed");
        var routeNow = (await (await second.Client.GetAsync($"/api/v1/order-routes/{route.Id}")).ReadJsonAsync<OrderRoute>())!;
        Assert.Equal(10, Assert.Single(routeNow.Previous!.Shipments).Quantity);
        Assert.Equal(2, routeNow.CurrentLeg);
    }

    [Fact]
    public async Task AResponseLinkActsForTheSupplierOnItsOneOrderUntilRevokedOrExpired()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"FAX工場 {_tag}"))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        var a = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(site, $"LA-{_tag}"))).Orders), "send");
        var b = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(site, $"LB-{_tag}"))).Orders), "send");

        using var made = await buyer.Client.PostAsync($"/api/v1/orders/{a.Id}/links", null);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var link = (await made.ReadJsonAsync<OrderLinkCreated>())!;
        Assert.True(Convert.FromBase64String(link.Token.Replace('-', '+').Replace('_', '/') + "=").Length >= 16);
        Assert.EndsWith("#" + link.Token, link.Url, StringComparison.Ordinal);

        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/order-link")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LinkAsync(anonymous, HttpMethod.Get, "", "not-a-token", null, null)).StatusCode);
        using var read = await LinkAsync(anonymous, HttpMethod.Get, "", link.Token, null, null);
        Assert.True(read.StatusCode == HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
        var opened = (await read.ReadJsonAsync<OrderRoute>())!;
        Assert.Equal(a.Id, Assert.Single(opened.Orders).Id);

        using var accepted = await LinkAsync(anonymous, HttpMethod.Post, "/accept", link.Token, null, a.Version);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var acceptedOrder = (await accepted.ReadJsonAsync<Order>())!;
        Assert.Equal((OrderStatus.Accepted, AnswerChannel.Link), (acceptedOrder.Status, acceptedOrder.AnsweredVia));
        // Order B is untouched: the link has no way to name it.
        Assert.Equal(OrderStatus.Sent, (await (await buyer.Client.GetAsync($"/api/v1/orders/{b.Id}")).ReadJsonAsync<Order>())!.Status);

        // Progress from the phone: an actual date starts the work.
        using var progress = await LinkAsync(anonymous, HttpMethod.Put, "/milestones", link.Token,
            new OrderMilestonesInput { Milestones = [new OrderMilestoneInput { Kind = OrderMilestoneKind.MaterialReceived, ActualOn = s_today }, new OrderMilestoneInput { Kind = OrderMilestoneKind.Packed, PlannedOn = s_today.AddDays(5) }] },
            acceptedOrder.Version);
        var progressed = (await progress.ReadJsonAsync<Order>())!;
        Assert.Equal((OrderStatus.InProgress, 2), (progressed.Status, progressed.Milestones.Count));

        // Every use is audited with the link's id, never as an account.
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        var actors = (await connection.QueryAsync<(string Kind, string Id)>(
            "SELECT actor_kind, actor_id FROM audit_log WHERE resource = 'order' AND resource_id = @id AND actor_kind = 'link'", new { id = a.Id.ToString() })).ToList();
        Assert.True(actors.Count >= 3);
        Assert.All(actors, x => Assert.Equal(link.Id.ToString(), x.Id));
        // Only the hash is kept.
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM order_links WHERE encode(token_hash, 'escape') LIKE '%' || @t || '%')", new { t = link.Token }));

        // Revoked: 410. Expired: 410.
        Assert.Equal(HttpStatusCode.OK, (await buyer.Client.PostAsync($"/api/v1/orders/{a.Id}/links/{link.Id}/revoke", null)).StatusCode);
        using (var gone = await LinkAsync(anonymous, HttpMethod.Get, "", link.Token, null, null))
        {
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        }

        var second = (await (await buyer.Client.PostAsync($"/api/v1/orders/{b.Id}/links", null)).ReadJsonAsync<OrderLinkCreated>())!;
        await connection.ExecuteAsync("UPDATE order_links SET expires_at = now() - interval '1 minute' WHERE id = @id", new { id = second.Id });
        Assert.Equal(HttpStatusCode.Gone, (await LinkAsync(anonymous, HttpMethod.Post, "/accept", second.Token, null, b.Version)).StatusCode);
        Assert.Equal(OrderStatus.Sent, (await (await buyer.Client.GetAsync($"/api/v1/orders/{b.Id}")).ReadJsonAsync<Order>())!.Status);

        // Days pass with order B unshipped past its due date: the list (from the kept plan) and the order (from the
        // route's plan) both call it late and expect it no earlier than today, though nothing was written since.
        await connection.ExecuteAsync("""
            UPDATE orders SET ordered_on = ordered_on - 40, due_on = ordered_on - 35, expected_ship_on = ordered_on - 36 WHERE id = @id
            """, new { id = b.Id });
        var listed = (await (await buyer.Client.GetAsync("/api/v1/orders?side=placed")).ReadJsonAsync<Registry.Contracts.Page<Order>>())!.Items.Single(o => o.Id == b.Id);
        var current = (await (await buyer.Client.GetAsync($"/api/v1/orders/{b.Id}")).ReadJsonAsync<Order>())!;
        Assert.True(listed.Late);
        Assert.True(current.Late);
        Assert.True(listed.ExpectedShipOn >= s_today && current.ExpectedShipOn >= s_today, $"{listed.ExpectedShipOn} {current.ExpectedShipOn}");
    }

    [Fact]
    public async Task TheFeedGivesAnOrdersEventsToItsPartiesOnly()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var mine = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"自社システム {_tag}"))).Id;
        var theirs = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"他社 {_tag}"))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        var own = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(mine, $"F1-{_tag}"))).Orders), "send");
        var other = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(theirs, $"F2-{_tag}"))).Orders), "send");

        using var admin = await TestAccounts.SignInAsync(api, "admin");
        using var made = await admin.Client.PostAsJsonAsync("/api/v1/api-clients", new { name = $"firm {_tag}", scopes = new[] { "feed:read", "orders:read" }, siteIds = new[] { mine } });
        var client = (await made.ReadJsonAsync<Registry.Contracts.Accounts.ApiClientWithSecret>())!;
        Assert.Equal([mine], client.Client.SiteIds);
        using var firm = await TokenClientAsync(client);
        using var plain = await TestAccounts.IntegratorAsync(api, $"plain {_tag}", "feed:read");
        using var anonymous = api.CreateClient();

        var seenByFirm = await FeedResourcesAsync(firm);
        Assert.Contains(own.Id, seenByFirm);
        Assert.DoesNotContain(other.Id, seenByFirm);
        Assert.DoesNotContain(own.Id, await FeedResourcesAsync(plain));
        Assert.DoesNotContain(own.Id, await FeedResourcesAsync(anonymous));
        Assert.DoesNotContain(own.Id, await FeedResourcesAsync(coordinator.Client));
        var seenByBuyer = await FeedResourcesAsync(buyer.Client);
        Assert.Contains(own.Id, seenByBuyer);
        Assert.Contains(other.Id, seenByBuyer);
    }

    [Fact]
    public async Task AFirmsOwnSystemGetsItsOrdersByWebhookAndNoOtherFirms()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var stranger = await WebhookReceiver.StartAsync();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var mine = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"通知先 {_tag}"))).Id;
        var theirs = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"通知外 {_tag}"))).Id;
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        using var made = await admin.Client.PostAsJsonAsync("/api/v1/api-clients", new { name = $"hook {_tag}", scopes = new[] { "webhooks:manage", "orders:read" }, siteIds = new[] { mine } });
        using var firm = await TokenClientAsync((await made.ReadJsonAsync<Registry.Contracts.Accounts.ApiClientWithSecret>())!);
        using var association = await TestAccounts.IntegratorAsync(api, $"assoc {_tag}", "webhooks:manage", "feed:read");
        Assert.Equal(HttpStatusCode.Created, (await firm.PostAsJsonAsync("/api/v1/webhooks",
            new Registry.Contracts.Webhooks.WebhookInput { Url = receiver.Url.ToString(), EventTypes = ["order.*"] }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await association.PostAsJsonAsync("/api/v1/webhooks",
            new Registry.Contracts.Webhooks.WebhookInput { Url = stranger.Url.ToString(), EventTypes = ["order.*"] }, Json.Options)).StatusCode);

        using var buyer = await TestAccounts.SignInAsync(api, "member");
        var other = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(theirs, $"W2-{_tag}"))).Orders), "send");
        var own = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(mine, $"W1-{_tag}"))).Orders), "send");

        await Eventually.UntilAsync(() => Task.FromResult(receiver.Requests.Count >= 2), "The webhook worker");
        await Task.Delay(500); // another firm's order, if it were sent, would be as quick
        var told = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data")).ToList();
        // Deliveries go out concurrently: compare as sets.
        Assert.Equal(["order.created", "order.sent"], receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(told, d => Assert.Equal(own.Id, d.GetProperty("resourceId").GetGuid()));
        Assert.DoesNotContain(receiver.Requests, r => r.Body.Contains(other.Id.ToString(), StringComparison.Ordinal));
        Assert.Empty(stranger.Requests);
    }

    private async Task<HttpClient> TokenClientAsync(Registry.Contracts.Accounts.ApiClientWithSecret client)
    {
        using var anonymous = api.CreateClient();
        using var token = await anonymous.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.Client.Id.ToString(),
            ["client_secret"] = client.ClientSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return api.CreateClientWithToken((await token.ReadJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
    }

    /// <summary>The resource ids of every event the caller's feed gives, read to its end.</summary>
    private static async Task<HashSet<Guid>> FeedResourcesAsync(HttpClient client)
    {
        var ids = new HashSet<Guid>();
        string? cursor = null;
        while (true)
        {
            var page = (await (await client.GetAsync("/api/v1/feed?limit=1000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).ReadJsonAsync<JsonElement>())!;
            var items = page.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                ids.Add(item.GetProperty("resourceId").GetGuid());
            }

            if (items.GetArrayLength() < 1000)
            {
                return ids;
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
    }

    internal static OrderLineInput Line() => new() { ItemName = "シャフト", PartNumber = "SH-10", Quantity = 10, Unit = "個", UnitPrice = 100, TaxRate = 10 };

    internal static OrderRouteInput Direct(Guid site, string number, params OrderLineInput[] lines) => new()
    {
        Legs = [new OrderLegInput { SupplierId = site, OrderNumber = number, Lines = lines.Length > 0 ? lines : [Line()], DueDate = s_today.AddDays(30), LeadDays = 5 }],
        DeliveryAddress = "愛知県豊田市 第2工場 受入口",
    };

    internal static async Task<OrderRoute> CreateAsync(HttpClient client, OrderRouteInput input)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/orders", input, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<OrderRoute>())!;
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, OrderRouteInput input, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(input, options: Json.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>An action on the order at the version the caller read; it must succeed.</summary>
    internal static async Task<Order> ActAsync(HttpClient client, Order order, string action, object? body = null)
    {
        var method = action == "milestones" ? HttpMethod.Put : HttpMethod.Post;
        using var response = await SendAsync(client, method, $"/api/v1/orders/{order.Id}/{action}", body, order.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync<Order>())!;
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, int? version, string? language = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json.Options) };
        if (version is { } v)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> LinkAsync(HttpClient client, HttpMethod method, string path, string token, object? body, int? version)
    {
        using var request = new HttpRequestMessage(method, "/api/v1/order-link" + path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json.Options) };
        request.Headers.Add("Order-Link", token);
        if (version is { } v)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        }

        return await client.SendAsync(request);
    }
}
