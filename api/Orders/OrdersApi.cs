using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Errors;
using Registry.Api.Events;
using Registry.Api.Http;
using Registry.Api.Matching;
using Registry.Api.OpenApi;
using Registry.Contracts;
using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>
/// Orders and routes (DESIGN §11): a buyer places one order per firm of an awarded chain — linked as a route in step
/// order — or a direct order to any published site; each firm reads its own order, the leg before it (without prices)
/// and where it ships. Coordinators are not parties: they see orders in aggregate (analytics) only.
/// </summary>
public static class OrdersApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Orders").RejectUnknownQueryParameters().RequireAuthorization(Policies.Member);
        group.MapPost("/orders", Create).ValidateBody<OrderRouteInput>().AcceptsIdempotencyKey()
            .WithName("createOrders").WithSummary("Place orders as drafts: one direct order, or one per firm of an awarded chain, linked as a route")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status400BadRequest);
        group.MapGet("/orders", List)
            .WithName("listOrders").WithSummary("The caller's orders: those it placed, and those sent to its sites, newest first");
        group.MapGet("/orders/{id:guid}", Get)
            .WithName("getOrder").WithSummary("An order, to its buyer and its supplier")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPut("/order-routes/{id:guid}/observers/{accountId:guid}", InviteObserver)
            .WithName("inviteOrderRouteObserver").WithSummary("Invite a coordinator to follow the route, read only (buyer)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status400BadRequest);
        group.MapDelete("/order-routes/{id:guid}/observers/{accountId:guid}", RemoveObserver)
            .WithName("removeOrderRouteObserver").WithSummary("Stop a coordinator following the route (buyer)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("/order-routes/{id:guid}", GetRoute)
            .WithName("getOrderRoute").WithSummary("A route: the buyer sees every leg; a firm its own order, the leg before it and where it ships")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Created<OrderRoute>, ProblemHttpResult>> Create(
        OrderRouteInput body, ClaimsPrincipal user, NpgsqlDataSource db, RoutePlanning planning, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var english = Language.IsEnglish(http.Request);
        var today = clock.RegionToday();
        var problems = OrderRules.CheckRoute(body, today);
        if (problems.Count > 0)
        {
            return Problems.Validation(problems);
        }

        var buyer = user.AccountId()!.Value;
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var siteIds = body.Legs.Select(l => l.SupplierId).Distinct().ToArray();
        var sites = (await connection.QueryAsync<(Guid Id, int? LeadDays, double? Lat, double? Lon)>(new CommandDefinition("""
            SELECT id, typical_lead_days, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lon
            FROM suppliers WHERE id = ANY(@siteIds) AND status = 'published'
            """, new { siteIds }, tx, cancellationToken: ct))).ToDictionary(s => s.Id);
        for (var i = 0; i < body.Legs.Count; i++)
        {
            if (!sites.ContainsKey(body.Legs[i].SupplierId))
            {
                problems[$"legs[{i}].supplierId"] = [english ? "No published site with this id." : "この ID の公開中の事業所はありません。"];
            }
        }

        if (problems.Count > 0)
        {
            return Problems.Validation(problems);
        }

        var qa = body.QaDocuments;
        var delivery = body.DeliveryPoint;
        if (body.RequestId is { } requestId)
        {
            if (await MatchingRequestsApi.ReadAsync(connection, tx, requestId, ct) is not { } request || request.BuyerAccountId != buyer)
            {
                return Problems.NotFound("matching request");
            }

            if (request.Status != "awarded")
            {
                return Problems.Conflict($"The request is {request.Status}; orders follow an award.");
            }

            var awarded = request.AwardedChain is { Length: > 0 } chain ? chain : [request.AwardedSupplierId!.Value];
            if (!awarded.SequenceEqual(body.Legs.Select(l => l.SupplierId)))
            {
                return Problems.Validation("legs", english
                    ? "The legs must be the awarded sites in step order."
                    : "発注先は、決定した事業所を工程の順に並べてください。");
            }

            qa ??= request.Input().QualityAssurance;
            delivery ??= request.Input().Region.Centre;
        }

        var taken = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT order_number FROM orders WHERE buyer_account_id = @buyer AND order_number = ANY(@numbers)",
            new { buyer, numbers = body.Legs.Select(l => l.OrderNumber.Trim()).ToArray() }, tx, cancellationToken: ct))).ToList();
        if (taken.Count > 0)
        {
            return Problems.Conflict($"Order number {taken[0]} is already one of yours.");
        }

        var routeId = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO order_routes (id, buyer_account_id, request_id, legs, delivery_address, delivery_lat, delivery_lon)
            VALUES (@routeId, @buyer, @requestId, @legs, @address, @lat, @lon)
            """, new { routeId, buyer, requestId = body.RequestId, legs = body.Legs.Count, address = body.DeliveryAddress.Trim(), lat = delivery?.Lat, lon = delivery?.Lon },
            tx, cancellationToken: ct));
        var ids = body.Legs.Select(_ => Guid.CreateVersion7()).ToArray();
        for (var i = 0; i < body.Legs.Count; i++)
        {
            var leg = body.Legs[i];
            var totals = OrderAmounts.Of(leg.Lines);
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO orders (id, route_id, leg, buyer_account_id, supplier_id, order_number, lines, subtotal, tax, total,
                                    ordered_on, due_on, lead_days, ship_to_supplier_id, qa_documents, note)
                VALUES (@id, @routeId, @leg, @buyer, @supplierId, @number, @lines::jsonb, @subtotal, @tax, @total,
                        @today, @due, @leadDays, @shipTo, @qa, @note)
                """,
                new
                {
                    id = ids[i],
                    routeId,
                    leg = i + 1,
                    buyer,
                    supplierId = leg.SupplierId,
                    number = leg.OrderNumber.Trim(),
                    lines = JsonSerializer.Serialize(totals.Lines, StoredJson.Options),
                    subtotal = totals.Subtotal,
                    tax = totals.Tax,
                    total = totals.Total,
                    today = today.ToDateTime(TimeOnly.MinValue),
                    due = leg.DueDate.ToDateTime(TimeOnly.MinValue),
                    leadDays = leg.LeadDays ?? (sites[leg.SupplierId].LeadDays is > 0 and <= 365 and var typical ? typical : 5),
                    shipTo = i + 1 < body.Legs.Count ? body.Legs[i + 1].SupplierId : (Guid?)null,
                    qa = (qa ?? []).Select(WireNames.Of).Distinct().ToArray(),
                    note = string.IsNullOrWhiteSpace(leg.Note) ? null : leg.Note.Trim(),
                },
                tx, cancellationToken: ct));
        }

        var reading = await planning.RecomputeAsync(connection, tx, routeId, ids[0], ct);
        var route = await ShapeRouteAsync(connection, tx, routeId, OrderActor.Buyer(user), reading, ct);
        foreach (var order in route!.Orders)
        {
            await change.RecordAsync("order.created", "order", order.Id, null, order);
            await Outbox.EmitToPartiesAsync(connection, tx, "order.created", "order", order.Id, order.Supplier.SupplierId!.Value, buyer, order.Version, null, order, ct);
        }

        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/order-routes/{routeId}", route);
    }

    public static async Task<Results<Ok<Page<Order>>, ProblemHttpResult>> List(
        [Range(1, Paging.MaxLimit)] int? limit, [MaxLength(Paging.MaxCursorLength)] string? cursor,
        [WireEnum(typeof(OrderStatus)), MaxLength(12)] string? status, [WireEnum(typeof(OrderSide)), MaxLength(10)] string? side,
        ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var today = clock.RegionToday();
        var (take, after, pageProblem) = Paging.Read(http, limit, cursor);
        if (pageProblem is not null)
        {
            return pageProblem;
        }

        var (afterId, badCursor) = Paging.IdKey(http, after);
        if (badCursor is not null)
        {
            return badCursor;
        }

        if (status is not null && !WireNames.TryParse<OrderStatus>(status, out _))
        {
            return Problems.Validation("status", $"One of {string.Join(", ", WireNames.All<OrderStatus>())}.");
        }

        if (side is not null && !WireNames.TryParse<OrderSide>(side, out _))
        {
            return Problems.Validation("side", $"One of {string.Join(", ", WireNames.All<OrderSide>())}.");
        }

        var actor = await OrderActor.OfAsync(user, ownership, ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        // placed: the orders the caller placed; received: those sent to its sites; neither: both.
        side = side?.ToLowerInvariant();
        var rows = await OrderStore.ListAsync(connection, side == "received" ? null : actor.AccountId,
            side == "placed" ? [] : [.. actor.Sites], status?.ToLowerInvariant(), afterId, take + 1, ct);
        var page = rows.ToPage(take, r => r.Id.ToString(), http);
        var details = await OrderStore.DetailsAsync(connection, null, [.. page.Items.Select(r => r.Id)], ct);
        return TypedResults.Ok(new Page<Order>
        {
            Items = [.. page.Items.Select(r => r.ToDto(details, KeptPlan(r, today)))],
            NextCursor = page.NextCursor,
        });
    }

    /// <summary>
    /// An order's plan as its last write kept it, brought to today without reading the whole route: a leg not shipped by
    /// its expected day is expected no earlier than today (RouteSchedule's rule; the route page counts business days).
    /// </summary>
    private static RouteSchedule.LegPlan KeptPlan(OrderStore.Row row, DateOnly today)
    {
        var expected = row.ExpectedShipOn is { } kept && !row.FullyShipped && kept < today ? today : row.ExpectedShipOn;
        return new RouteSchedule.LegPlan(row.Leg, expected, expected is { } day ? day > row.DueOn : !row.FullyShipped && today > row.DueOn);
    }

    public static async Task<Results<Representation<Order>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, RoutePlanning planning, CancellationToken ct)
    {
        var actor = await OrderActor.OfAsync(user, ownership, ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        return await ReadOrderAsync(connection, null, id, actor, planning, ct) is { } order
            ? Representations.Ok(order, order.Version)
            : Problems.NotFound("order");
    }

    public static async Task<Results<Representation<OrderRoute>, ProblemHttpResult>> GetRoute(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, RoutePlanning planning, CancellationToken ct)
    {
        var actor = await OrderActor.OfAsync(user, ownership, ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        return await ReadRouteAsync(connection, null, id, actor, planning, ct) is { } route
            ? Representations.Ok(route, route.Orders.Sum(o => o.Version) + (route.Previous is null ? 0 : 1))
            : Problems.NotFound("order route");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> InviteObserver(
        Guid id, Guid accountId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (!await BuysRouteAsync(connection, tx, id, user, ct))
        {
            return Problems.NotFound("order route");
        }

        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = @accountId AND role = 'coordinator' AND disabled_at IS NULL)",
                new { accountId }, tx, cancellationToken: ct)))
        {
            return Problems.Validation("accountId", Language.IsEnglish(http.Request)
                ? "Only a coordinator's account can be invited to follow a route."
                : "経路の閲覧に招待できるのはコーディネーターのアカウントだけです。");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO order_route_observers (route_id, account_id) VALUES (@id, @accountId) ON CONFLICT DO NOTHING",
            new { id, accountId }, tx, cancellationToken: ct));
        await change.RecordAsync("order_route.observer_invited", "order_route", id, null, new { accountId });
        await change.CommitAsync();
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveObserver(
        Guid id, Guid accountId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (!await BuysRouteAsync(connection, tx, id, user, ct))
        {
            return Problems.NotFound("order route");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM order_route_observers WHERE route_id = @id AND account_id = @accountId", new { id, accountId }, tx, cancellationToken: ct));
        await change.RecordAsync("order_route.observer_removed", "order_route", id, new { accountId }, null);
        await change.CommitAsync();
        return TypedResults.NoContent();
    }

    private static Task<bool> BuysRouteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM order_routes WHERE id = @id AND buyer_account_id = @buyer)",
            new { id, buyer = user.AccountId() }, tx, cancellationToken: ct));

    /// <summary>One order as the actor sees it (null when the actor is not a party), with today's plan of its route.</summary>
    internal static async Task<Order?> ReadOrderAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, OrderActor actor, RoutePlanning planning, CancellationToken ct)
    {
        // Its route as the actor sees it holds the order exactly when the actor may read the order.
        var routeId = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT route_id FROM orders WHERE id = @id", new { id }, tx, cancellationToken: ct));
        return routeId is { } route && await ReadRouteAsync(connection, tx, route, actor, planning, ct) is { } seen
            ? seen.Orders.SingleOrDefault(o => o.Id == id)
            : null;
    }

    /// <summary>
    /// A route as the actor may see it: the buyer every leg; a firm its own orders on it, the leg before its first
    /// (status, expected ship day, shipments — no lines, no prices); anyone else nothing (null).
    /// </summary>
    internal static async Task<OrderRoute?> ReadRouteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid routeId, OrderActor actor, RoutePlanning planning, CancellationToken ct) =>
        await ShapeRouteAsync(connection, tx, routeId, actor, await planning.ReadAsync(connection, tx, routeId, ct), ct);

    /// <summary>The route of a reading (just made, or just recomputed by a write) as the actor may see it.</summary>
    private static async Task<OrderRoute?> ShapeRouteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid routeId, OrderActor actor,
        RoutePlanning.Reading reading, CancellationToken ct)
    {
        var (rows, details, plan) = reading;
        var visible = rows.Where(actor.IsPartyOf).ToList();
        // A coordinator the buyer invited follows the route as the buyer sees it (the actions stay the parties').
        var observer = visible.Count == 0 && await ObservesAsync(connection, tx, routeId, actor, ct);
        if (observer)
        {
            visible = [.. rows.Where(r => r.Status != "draft")];
        }

        if (visible.Count == 0)
        {
            return null;
        }

        var planOf = plan.Legs.ToDictionary(l => l.Number);
        var buyer = observer || visible.Any(actor.IsBuyerOf);
        var first = visible.Min(r => r.Leg);
        var previous = buyer ? null : rows.SingleOrDefault(r => r.Leg == first - 1);
        var distance = await RouteDistanceAsync(connection, tx, routeId, ct);
        return new OrderRoute
        {
            Id = routeId,
            RequestId = rows[0].RequestId,
            Legs = rows[0].Legs,
            DeliveryAddress = rows[0].DeliveryAddress,
            Orders = [.. visible.Select(r => r.ToDto(details, planOf[r.Leg]))],
            Previous = previous is null ? null : new NeighbourLeg
            {
                OrderId = previous.Id,
                Leg = previous.Leg,
                Status = previous.State,
                Supplier = new OrderParty { SupplierId = previous.SupplierId, Name = previous.SupplierName },
                DueDate = previous.DueOn,
                ExpectedShipOn = planOf[previous.Leg].ExpectedShipOn,
                Late = planOf[previous.Leg].Late,
                Shipments = [.. details.Shipments[previous.Id]],
            },
            ExpectedArrivalOn = plan.ExpectedArrivalOn,
            Late = plan.Late,
            CurrentLeg = plan.CurrentLeg,
            DistanceKm = distance,
        };
    }

    private static async Task<bool> ObservesAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid routeId, OrderActor actor, CancellationToken ct) =>
        actor.LinkId is null && actor.AccountId is { } account && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM order_route_observers WHERE route_id = @routeId AND account_id = @account)",
            new { routeId, account }, tx, cancellationToken: ct));

    /// <summary>Kilometres from site to site along the route and on to the delivery place (order_route_km, migration 0024).</summary>
    private static Task<double?> RouteDistanceAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid routeId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<double?>(new CommandDefinition(
            "SELECT order_route_km(@routeId)", new { routeId }, tx, cancellationToken: ct));
}
