using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>
/// The FAX bridge's response links (DESIGN §11): a firm without an account answers its order from a phone. The buyer
/// makes a link per order; its token (256 random bits) is shown once and kept only as its SHA-256, so a copy of the
/// database opens no order. The token travels in the Order-Link header — the SPA's page reads it from the URL's
/// fragment, which no server or proxy log sees. A link reaches its one order only (no endpoint takes an order id),
/// expires after 30 days (410), can be revoked (410), and every use is audited with the link's id.
/// </summary>
public static class OrderLinksApi
{
    public const string Header = "Order-Link";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    internal static void Map(IEndpointRouteBuilder app)
    {
        var buyer = app.MapGroup("/api/v1/orders").WithTags("Orders").RejectUnknownQueryParameters().RequireAuthorization(Policies.Member);
        buyer.MapPost("/{id:guid}/links", Create)
            .WithName("createOrderLink").WithSummary("Make a response link for the order's supplier (buyer); the token is shown only now")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        buyer.MapGet("/{id:guid}/links", List)
            .WithName("listOrderLinks").WithSummary("The order's response links (buyer), without their tokens")
            .WithResponseMaxItems(100)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        buyer.MapPost("/{id:guid}/links/{linkId:guid}/revoke", Revoke)
            .WithName("revokeOrderLink").WithSummary("Revoke a response link (buyer): it answers 410 from now on")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);

        var link = app.MapGroup("/api/v1/order-link").WithTags("Orders").RejectUnknownQueryParameters().AllowAnonymous()
            .WithMetadata(new OrderLinkEndpoint());
        Gone(link.MapGet("", Read)
            .WithName("readOrderByLink").WithSummary("The order a response link opens, as its supplier sees it (its route: the leg before and where it ships)"));
        foreach (var (action, summary) in new[]
        {
            ("accept", "Accept the order through its response link"),
            ("start", "Start work through the response link"),
        })
        {
            Gone(OrderActions.Declare(link.MapPost($"/{action}", (HttpContext http, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, CancellationToken ct) =>
                    ActAsync(action, null, http, db, planning, answers, clock, ct))
                .WithName($"{action}OrderByLink").WithSummary(summary)));
        }

        Gone(OrderActions.Declare(link.MapPost("/reject", (OrderReasonInput body, HttpContext http, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, CancellationToken ct) =>
                ActAsync("reject", body, http, db, planning, answers, clock, ct))
            .ValidateBody<OrderReasonInput>().WithName("rejectOrderByLink").WithSummary("Reject the order through its response link, with the reason")));
        Gone(OrderActions.Declare(link.MapPost("/propose", (OrderProposalInput body, HttpContext http, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, CancellationToken ct) =>
                ActAsync("propose", body, http, db, planning, answers, clock, ct))
            .ValidateBody<OrderProposalInput>().WithName("proposeOrderByLink").WithSummary("Propose another due date or quantities through the response link")));
        Gone(OrderActions.Declare(link.MapPut("/milestones", (OrderMilestonesInput body, HttpContext http, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, CancellationToken ct) =>
                ActAsync("progress", body, http, db, planning, answers, clock, ct))
            .ValidateBody<OrderMilestonesInput>().WithName("recordOrderProgressByLink").WithSummary("Plan and record milestones through the response link")));
        Gone(OrderActions.Declare(link.MapPost("/shipments", (OrderShipmentInput body, HttpContext http, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, CancellationToken ct) =>
                ActAsync("ship", body, http, db, planning, answers, clock, ct))
            .ValidateBody<OrderShipmentInput>().WithName("shipOrderByLink").WithSummary("Record a shipment through the response link")));
    }

    private static RouteHandlerBuilder Gone(RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblemDocument(StatusCodes.Status401Unauthorized)
        .ProducesProblemDocument(StatusCodes.Status404NotFound)
        .ProducesProblemDocument(StatusCodes.Status410Gone);

    public static async Task<Results<Created<OrderLinkCreated>, ProblemHttpResult>> Create(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await OrderStore.ReadAsync(connection, tx, id, ct) is not { } order || !OrderActor.Buyer(user).IsBuyerOf(order))
        {
            return Problems.NotFound("order");
        }

        if (order.Status is "closed" or "cancelled" or "rejected")
        {
            return Problems.Conflict($"The order is {order.Status}; there is nothing left to answer.");
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var linkId = Guid.CreateVersion7();
        var expires = clock.GetUtcNow() + Lifetime;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO order_links (id, order_id, token_hash, expires_at) VALUES (@linkId, @id, @hash, @expires)",
            new { linkId, id, hash = Hash(token), expires }, tx, cancellationToken: ct));
        var link = new OrderLink { Id = linkId, OrderId = id, CreatedAt = clock.GetUtcNow(), ExpiresAt = expires };
        await change.RecordAsync("order_link.created", "order", id, null, link);
        await change.CommitAsync();
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        return TypedResults.Created($"/api/v1/orders/{id}/links", new OrderLinkCreated
        {
            Id = linkId,
            OrderId = id,
            Token = token,
            Url = $"{origin}/respond#{token}",
            ExpiresAt = expires,
        });
    }

    public static async Task<Results<Ok<OrderLink[]>, ProblemHttpResult>> List(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await OrderStore.ReadAsync(connection, null, id, ct) is not { } order || !OrderActor.Buyer(user).IsBuyerOf(order))
        {
            return Problems.NotFound("order");
        }

        return TypedResults.Ok((await connection.QueryAsync<OrderLink>(new CommandDefinition(
            "SELECT id, order_id, created_at, expires_at, revoked_at, last_used_at FROM order_links WHERE order_id = @id ORDER BY id DESC LIMIT 100",
            new { id }, cancellationToken: ct))).ToArray());
    }

    public static async Task<Results<Ok<OrderLink>, ProblemHttpResult>> Revoke(Guid id, Guid linkId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await OrderStore.ReadAsync(connection, tx, id, ct) is not { } order || !OrderActor.Buyer(user).IsBuyerOf(order))
        {
            return Problems.NotFound("order");
        }

        var link = await connection.QuerySingleOrDefaultAsync<OrderLink>(new CommandDefinition("""
            UPDATE order_links SET revoked_at = coalesce(revoked_at, now()) WHERE id = @linkId AND order_id = @id
            RETURNING id, order_id, created_at, expires_at, revoked_at, last_used_at
            """, new { id, linkId }, tx, cancellationToken: ct));
        if (link is null)
        {
            return Problems.NotFound("order link");
        }

        await change.RecordAsync("order_link.revoked", "order", id, null, link);
        await change.CommitAsync();
        return TypedResults.Ok(link);
    }

    private static async Task<Results<Representation<OrderRoute>, ProblemHttpResult>> Read(HttpContext http, NpgsqlDataSource db, RoutePlanning planning, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var (link, refusal) = await OpenAsync(connection, http, clock, ct);
        if (link is null)
        {
            return refusal!;
        }

        var actor = OrderActor.OfLink(link.Id, link.SupplierId);
        await AuditLog.RecordAsync(connection, null, actor.User, "order_link.used", "order", link.OrderId, null, null, ct);
        // A draft is not the supplier's yet: the link opens it once the buyer sends it.
        return await OrdersApi.ReadRouteAsync(connection, null, link.RouteId, actor, planning, ct) is { } route
            && route.Orders.SingleOrDefault(o => o.Id == link.OrderId) is { } order
            ? Representations.Ok(route with { Orders = [order] }, order.Version)
            : Problems.NotFound("order");
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> ActAsync(string action, object? body, HttpContext http, NpgsqlDataSource db,
        RoutePlanning planning, OrderAnswers answers, TimeProvider clock, CancellationToken ct)
    {
        OpenLink? link;
        ProblemHttpResult? refusal;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            (link, refusal) = await OpenAsync(connection, http, clock, ct);
        }

        return link is null
            ? refusal!
            : await OrderActions.ActAsync(link.OrderId, action, body, OrderActor.OfLink(link.Id, link.SupplierId), db, planning, answers, clock, http, ct);
    }

    private sealed class OpenLink
    {
        public Guid Id { get; init; }
        public Guid OrderId { get; init; }
        public Guid RouteId { get; init; }
        public Guid SupplierId { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
    }

    /// <summary>The link the request's Order-Link header names, or why not: 401 without one, 404 unknown, 410 expired or revoked.</summary>
    private static async Task<(OpenLink? Link, ProblemHttpResult? Refusal)> OpenAsync(NpgsqlConnection connection, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var token = http.Request.Headers[Header].ToString().Trim();
        if (token.Length is 0 or > 100)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized, title: "Not signed in",
                detail: "This page needs the order's response link (the Order-Link header)."));
        }

        var link = await connection.QuerySingleOrDefaultAsync<OpenLink>(new CommandDefinition("""
            UPDATE order_links l SET last_used_at = now() FROM orders o
            WHERE l.token_hash = @hash AND o.id = l.order_id
            RETURNING l.id, l.order_id, o.route_id, o.supplier_id, l.expires_at, l.revoked_at
            """, new { hash = Hash(token) }, cancellationToken: ct));
        if (link is null)
        {
            return (null, Problems.NotFound("order link"));
        }

        if (link.RevokedAt is not null || link.ExpiresAt <= clock.GetUtcNow())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status410Gone, type: ProblemTypes.LinkGone, title: "Link no longer valid",
                detail: link.RevokedAt is not null
                    ? "The buyer revoked this response link. Ask the buyer for a new one."
                    : "This response link has expired (links last 30 days). Ask the buyer for a new one."));
        }

        return (link, null);
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
