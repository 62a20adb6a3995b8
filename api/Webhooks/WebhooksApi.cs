using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts;
using Registry.Contracts.Webhooks;

namespace Registry.Api.Webhooks;

/// <summary>
/// Webhook subscriptions of an integrator (scope webhooks:manage), each client seeing only its own; their deliveries
/// with every attempt; redelivery of a delivered or parked message as a new attempt series.
/// </summary>
public static partial class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Integration").RejectUnknownQueryParameters()
            .RequireAuthorization(Policies.Scope(Scopes.WebhooksManage));
        group.MapPost("", Create).ValidateBody<WebhookInput>().AcceptsIdempotencyKey()
            .WithName("createWebhook").WithSummary("Subscribe a URL to event types; the signing secret is in this answer only");
        group.MapGet("", List).WithName("listWebhooks").WithSummary("The caller's subscriptions").WithResponseMaxItems(100);
        group.MapGet("/{id:guid}", Get).WithName("getWebhook").WithSummary("A subscription")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).ValidateBody<WebhookInput>().WithName("updateWebhook").WithSummary("Change a subscription (its secret stays)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);
        group.MapDelete("/{id:guid}", Delete).WithName("deleteWebhook").WithSummary("End a subscription and its pending deliveries")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/deliveries", Deliveries).WithName("listWebhookDeliveries").WithSummary("Deliveries, newest first, with their attempts")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver)
            .WithName("redeliverWebhook").WithSummary("Send a message again, as a new attempt series")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        return app;
    }

    [GeneratedRegex(@"^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$")]
    private static partial Regex EventTypePattern();

    public static async Task<Results<Created<WebhookWithSecret>, ProblemHttpResult>> Create(
        WebhookInput body, ClaimsPrincipal user, NpgsqlDataSource db, IDataProtectionProvider protection, WebhookOptions options, CancellationToken ct)
    {
        if (Problem(body, options) is { } problem)
        {
            return problem;
        }

        var id = Guid.CreateVersion7();
        var secret = WebhookSignature.NewSecret();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await ClusterExistsAsync(connection, tx, body.ClusterId, ct))
        {
            return Problems.Validation("clusterId", "No such cluster.");
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_subscriptions (id, client_id, url, description, event_types, supplier_ids, cluster_id, secret_protected, active)
            VALUES (@id, @client, @Url, @Description, @types, @suppliers, @ClusterId, @secret, @Active)
            """,
            new
            {
                id,
                client = user.ClientId(),
                body.Url,
                body.Description,
                types = body.EventTypes.ToArray(),
                suppliers = (body.SupplierIds ?? []).Distinct().ToArray(),
                body.ClusterId,
                secret = protection.CreateProtector(WebhookDispatcher.SecretPurpose).Protect(secret),
                body.Active,
            }, tx, cancellationToken: ct));
        var created = (await ReadAsync(connection, tx, id, user, ct))!;
        await AuditLog.RecordAsync(connection, tx, user, "webhook.created", "webhook", id, null, created, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/webhooks/{id}", new WebhookWithSecret { Webhook = created, Secret = secret });
    }

    public static async Task<Ok<IReadOnlyList<Webhook>>> List(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE client_id = @client ORDER BY id LIMIT 100", new { client = user.ClientId() }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<Webhook>>([.. rows.Select(r => r.ToDto())]);
    }

    public static async Task<Results<Ok<Webhook>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, HttpResponse response, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ReadAsync(connection, null, id, user, ct) is not { } webhook)
        {
            return Problems.NotFound("webhook");
        }

        response.SetETag(webhook.Version);
        return TypedResults.Ok(webhook);
    }

    public static async Task<Results<Ok<Webhook>, ProblemHttpResult>> Update(
        Guid id, WebhookInput body, ClaimsPrincipal user, NpgsqlDataSource db, WebhookOptions options, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        if (Problem(body, options) is { } problem)
        {
            return problem;
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await ReadAsync(connection, tx, id, user, ct) is not { } before)
        {
            return Problems.NotFound("webhook");
        }

        if (!await ClusterExistsAsync(connection, tx, body.ClusterId, ct))
        {
            return Problems.Validation("clusterId", "No such cluster.");
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_subscriptions SET url = @Url, description = @Description, event_types = @types, supplier_ids = @suppliers,
                cluster_id = @ClusterId, active = @Active, version = version + 1, updated_at = now()
            WHERE id = @id AND version = @expected
            """,
            new
            {
                id,
                expected,
                body.Url,
                body.Description,
                types = body.EventTypes.ToArray(),
                suppliers = (body.SupplierIds ?? []).Distinct().ToArray(),
                body.ClusterId,
                body.Active,
            }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problems.PreconditionFailed();
        }

        var after = (await ReadAsync(connection, tx, id, user, ct))!;
        await AuditLog.RecordAsync(connection, tx, user, "webhook.updated", "webhook", id, before, after, ct);
        await tx.CommitAsync(ct);
        http.Response.SetETag(after.Version);
        return TypedResults.Ok(after);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await ReadAsync(connection, tx, id, user, ct) is not { } before)
        {
            return Problems.NotFound("webhook");
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM webhook_subscriptions WHERE id = @id", new { id }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(connection, tx, user, "webhook.deleted", "webhook", id, before, null, ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Page<WebhookDelivery>>, ProblemHttpResult>> Deliveries(
        Guid id, [Range(1, Paging.MaxLimit)] int? limit, [MaxLength(Paging.MaxCursorLength)] string? cursor,
        [WireEnum(typeof(DeliveryStatus)), MaxLength(10)] string? status, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
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

        if (status is not null && !WireNames.TryParse<DeliveryStatus>(status, out _))
        {
            return Problems.Validation("status", $"One of {string.Join(", ", WireNames.All<DeliveryStatus>())}.");
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ReadAsync(connection, null, id, user, ct) is null)
        {
            return Problems.NotFound("webhook");
        }

        var rows = (await connection.QueryAsync<DeliveryRow>(new CommandDefinition($"""
            {DeliverySelect} WHERE d.subscription_id = @id AND (@status::text IS NULL OR d.status = @status) AND (@afterId::uuid IS NULL OR d.id < @afterId)
            ORDER BY d.id DESC LIMIT @take
            """, new { id, status, afterId, take = take + 1 }, cancellationToken: ct))).ToList();
        var page = rows.ToPage(take, r => r.Id.ToString(), http);
        return TypedResults.Ok(new Page<WebhookDelivery> { Items = [.. page.Items.Select(r => r.ToDto())], NextCursor = page.NextCursor });
    }

    public static async Task<Results<Ok<WebhookDelivery>, ProblemHttpResult>> Redeliver(
        Guid id, Guid deliveryId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await ReadAsync(connection, tx, id, user, ct) is null)
        {
            return Problems.NotFound("webhook delivery");
        }

        var status = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT status FROM webhook_deliveries WHERE id = @deliveryId AND subscription_id = @id FOR UPDATE", new { id, deliveryId }, tx, cancellationToken: ct));
        if (status is null)
        {
            return Problems.NotFound("webhook delivery");
        }

        if (status == "pending")
        {
            return Problems.Conflict("The delivery is pending: it is still being tried.");
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL, delivered_at = NULL
            WHERE id = @deliveryId
            """, new { deliveryId }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(connection, tx, user, "webhook.redelivered", "webhook", id, null, new { deliveryId }, ct);
        var row = await connection.QuerySingleAsync<DeliveryRow>(new CommandDefinition(
            $"{DeliverySelect} WHERE d.id = @deliveryId", new { deliveryId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return TypedResults.Ok(row.ToDto());
    }

    private static ProblemHttpResult? Problem(WebhookInput body, WebhookOptions options)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (WebhookTargets.Problem(body.Url, options.AllowLoopback) is { } target)
        {
            errors["url"] = [target];
        }

        if (body.EventTypes.FirstOrDefault(t => !EventTypePattern().IsMatch(t)) is { } bad)
        {
            errors["eventTypes"] = [$"'{bad}' is not an event type (supplier.updated), a family (supplier.*) or *."];
        }

        return errors.Count > 0 ? Problems.Validation(errors) : null;
    }

    private static async Task<bool> ClusterExistsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid? clusterId, CancellationToken ct) =>
        clusterId is null || await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM clusters WHERE id = @clusterId)", new { clusterId }, tx, cancellationToken: ct));

    private const string Select = """
        SELECT id, url, event_types, supplier_ids, cluster_id, description, active, version, created_at, updated_at FROM webhook_subscriptions
        """;

    private static async Task<Webhook?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE id = @id AND client_id = @client", new { id, client = user.ClientId() }, tx, cancellationToken: ct)))?.ToDto();

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Url { get; init; } = "";
        public string[] EventTypes { get; init; } = [];
        public Guid[] SupplierIds { get; init; } = [];
        public Guid? ClusterId { get; init; }
        public string? Description { get; init; }
        public bool Active { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public Webhook ToDto() => new()
        {
            Id = Id,
            Url = Url,
            EventTypes = EventTypes,
            SupplierIds = SupplierIds,
            ClusterId = ClusterId,
            Description = Description,
            Active = Active,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
    }

    private const string DeliverySelect = """
        SELECT d.id, e.type AS event_type, e.resource_id, d.status, d.attempts, d.next_attempt_at, d.created_at, d.delivered_at,
               coalesce((SELECT json_agg(json_build_object('attemptedAt', a.attempted_at, 'statusCode', a.status_code, 'error', a.error,
                                                           'durationMs', a.duration_ms) ORDER BY a.attempted_at)
                         FROM (SELECT * FROM webhook_attempts WHERE delivery_id = d.id ORDER BY attempted_at DESC LIMIT 100) a), '[]')::text AS attempt_log
        FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
        """;

    private sealed class DeliveryRow
    {
        public Guid Id { get; init; }
        public string EventType { get; init; } = "";
        public Guid ResourceId { get; init; }
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
        public string AttemptLog { get; init; } = "[]";

        public WebhookDelivery ToDto() => new()
        {
            Id = Id,
            MessageId = $"msg_{Id:N}",
            EventType = EventType,
            ResourceId = ResourceId,
            Status = WireNames.TryParse<DeliveryStatus>(Status, out var status) ? status : DeliveryStatus.Pending,
            Attempts = Attempts,
            NextAttemptAt = Status == "pending" ? NextAttemptAt : null,
            CreatedAt = CreatedAt,
            DeliveredAt = DeliveredAt,
            AttemptLog = System.Text.Json.JsonSerializer.Deserialize<List<DeliveryAttempt>>(AttemptLog, StoredJson.Options) ?? [],
        };
    }
}
