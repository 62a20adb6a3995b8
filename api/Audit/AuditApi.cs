using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Http;
using Registry.Contracts;
using Registry.Contracts.Audit;

namespace Registry.Api.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/audit-log").WithTags("Audit")
            .RequireAuthorization(Policies.Coordinator).RejectUnknownQueryParameters()
            .MapGet("", ListEntries)
            .WithName("listAuditLog").WithSummary("Query the audit log, newest first (coordinators and admins)")
            .WithDescription("Filters combine: actorId, action, resource (with resourceId), and a time range [from, to).");
        return app;
    }

    public static async Task<Results<Ok<Page<AuditEntry>>, ProblemHttpResult>> ListEntries(
        NpgsqlDataSource db, HttpContext http, [MaxLength(64)] string? actorId, [MaxLength(64)] string? action,
        [MaxLength(64)] string? resource, [MaxLength(64)] string? resourceId, DateTimeOffset? from, DateTimeOffset? to,
        [Range(1, Paging.MaxLimit)] int? limit, [MaxLength(Paging.MaxCursorLength)] string? cursor, CancellationToken ct)
    {
        var (take, after, problem) = Paging.Read(http, limit, cursor);
        if (problem is not null)
        {
            return problem;
        }

        var sql = new StringBuilder("""
            SELECT l.id, l.at, l.actor_kind, l.actor_id, coalesce(a.display_name, c.name) AS actor_name, l.action, l.resource,
                   l.resource_id, l.before::text AS before, l.after::text AS after, l.trace_id
            FROM audit_log l
            LEFT JOIN accounts a ON l.actor_kind = 'account' AND a.id = CASE WHEN l.actor_id ~ '^[0-9a-f-]{36}$' THEN l.actor_id::uuid END
            LEFT JOIN api_clients c ON l.actor_kind = 'client' AND c.id = CASE WHEN l.actor_id ~ '^[0-9a-f-]{36}$' THEN l.actor_id::uuid END
            WHERE true
            """);
        var args = new DynamicParameters(new { take = take + 1 });
        var (afterId, badCursor) = Paging.IdKey(http, after);
        if (badCursor is not null)
        {
            return badCursor;
        }

        if (afterId is not null)
        {
            sql.Append(" AND l.id < @afterId");
            args.Add("afterId", afterId);
        }

        Filter(sql, args, "l.actor_id", "actorId", actorId);
        Filter(sql, args, "l.action", "action", action);
        Filter(sql, args, "l.resource", "resource", resource);
        Filter(sql, args, "l.resource_id", "resourceId", resourceId);
        if (from is not null)
        {
            sql.Append(" AND l.at >= @from");
            args.Add("from", from.Value.ToUniversalTime());
        }

        if (to is not null)
        {
            sql.Append(" AND l.at < @to");
            args.Add("to", to.Value.ToUniversalTime());
        }

        sql.Append(" ORDER BY l.id DESC LIMIT @take");
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<EntryRecord>(new CommandDefinition(sql.ToString(), args, cancellationToken: ct)))
            .Select(r => r.ToDto()).ToList();
        return TypedResults.Ok(rows.ToPage(take, e => e.Id.ToString(), http));
    }

    private static void Filter(StringBuilder sql, DynamicParameters args, string column, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sql.Append(" AND ").Append(column).Append(" = @").Append(name);
            args.Add(name, value);
        }
    }

    private sealed class EntryRecord
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public string ActorKind { get; init; } = "";
        public string ActorId { get; init; } = "";
        public string? ActorName { get; init; }
        public string Action { get; init; } = "";
        public string Resource { get; init; } = "";
        public string ResourceId { get; init; } = "";
        public string? Before { get; init; }
        public string? After { get; init; }
        public string? TraceId { get; init; }

        public AuditEntry ToDto() => new()
        {
            Id = Id,
            At = At,
            ActorKind = ActorKind,
            ActorId = ActorId,
            ActorName = ActorName,
            Action = Action,
            Resource = Resource,
            ResourceId = ResourceId,
            Before = Before is null ? null : JsonSerializer.Deserialize<JsonElement>(Before),
            After = After is null ? null : JsonSerializer.Deserialize<JsonElement>(After),
            TraceId = TraceId,
        };
    }
}
