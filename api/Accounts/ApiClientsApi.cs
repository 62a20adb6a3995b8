using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts;
using Registry.Contracts.Accounts;

namespace Registry.Api.Accounts;

/// <summary>Admin management of integrators' API clients. A secret is shown once, when created or rotated.</summary>
public static class ApiClientsApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-clients").WithTags("API clients")
            .RequireAuthorization(Policies.Admin).RejectUnknownQueryParameters();

        group.MapGet("", ListClients).WithName("listApiClients").WithSummary("List API clients (admin)");
        group.MapPost("", CreateClient).ValidateBody<CreateApiClientRequest>().AcceptsIdempotencyKey()
            .WithName("createApiClient").WithSummary("Create an API client; the secret is shown once (admin)");
        group.MapPost("/{id:guid}/rotate-secret", RotateSecret)
            .WithName("rotateApiClientSecret").WithSummary("Replace the client's secret; the old one stops working at once (admin)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", RevokeClient)
            .WithName("revokeApiClient").WithSummary("Revoke an API client (admin)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
    }

    private const string Select = """
        SELECT id, name, organisation, scopes, revoked_at, created_at,
               ARRAY(SELECT supplier_id FROM api_client_sites s WHERE s.client_id = api_clients.id ORDER BY supplier_id) AS site_ids
        FROM api_clients
        """;

    public static async Task<Results<Ok<Page<ApiClient>>, ProblemHttpResult>> ListClients(
        NpgsqlDataSource db, HttpContext http, [Range(1, Paging.MaxLimit)] int? limit, [MaxLength(Paging.MaxCursorLength)] string? cursor, CancellationToken ct)
    {
        var (take, after, problem) = Paging.Read(http, limit, cursor);
        if (problem is not null)
        {
            return problem;
        }

        // An unreadable cursor is a 400, as on every other list (it used to restart the list silently).
        var (afterId, badCursor) = Paging.IdKey(http, after);
        if (badCursor is not null)
        {
            return badCursor;
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<ClientRecord>(new CommandDefinition(
            Select + " WHERE @afterId::uuid IS NULL OR id > @afterId ORDER BY id LIMIT @take",
            new { afterId, take = take + 1 }, cancellationToken: ct))).Select(r => r.ToDto()).ToList();
        return TypedResults.Ok(rows.ToPage(take, c => c.Id.ToString(), http));
    }

    public static async Task<Results<Created<ApiClientWithSecret>, ProblemHttpResult>> CreateClient(
        CreateApiClientRequest body, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        if (body.Scopes.Except(Scopes.All, StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            return Problems.Validation("scopes", $"Unknown scope(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Scopes.All)}.");
        }

        var id = Guid.CreateVersion7();
        var secret = NewSecret();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO api_clients (id, name, organisation, scopes, secret_hash)
            VALUES (@id, @name, @organisation, @scopes, @hash)
            """,
            new { id, name = body.Name.Trim(), organisation = body.Organisation?.Trim(), scopes = body.Scopes.Distinct().ToArray(), hash = AuthApi.HashSecret(secret) },
            tx, cancellationToken: ct));
        var siteIds = (body.SiteIds ?? []).Distinct().ToArray();
        if (siteIds.Length > 0 && await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO api_client_sites (client_id, supplier_id) SELECT @id, s.id FROM suppliers s WHERE s.id = ANY(@siteIds)",
                new { id, siteIds }, tx, cancellationToken: ct)) != siteIds.Length)
        {
            return Problems.Validation("siteIds", "Every site must exist.");
        }

        var client = (await ReadAsync(connection, tx, id, ct))!;
        await AuditLog.RecordAsync(connection, tx, user, "api_client.created", "api_client", id, null, client, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/api-clients/{id}", new ApiClientWithSecret { Client = client, ClientSecret = secret });
    }

    public static async Task<Results<Ok<ApiClientWithSecret>, ProblemHttpResult>> RotateSecret(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, Revocations revocations, CancellationToken ct)
    {
        var secret = NewSecret();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_clients SET secret_hash = @hash, version = version + 1, updated_at = now() WHERE id = @id AND revoked_at IS NULL",
            new { id, hash = AuthApi.HashSecret(secret) }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problems.NotFound("active API client");
        }

        // A new secret is given when the old one may have leaked: tokens obtained with it stop too.
        var securityVersion = await Revocations.EndTokensOfAsync(connection, tx, "api_clients", id, ct);
        var client = (await ReadAsync(connection, tx, id, ct))!;
        await AuditLog.RecordAsync(connection, tx, user, "api_client.secret_rotated", "api_client", id, null, new { secret = "rotated" }, ct);
        await tx.CommitAsync(ct);
        revocations.SubjectMoved(id, securityVersion);
        return TypedResults.Ok(new ApiClientWithSecret { Client = client, ClientSecret = secret });
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeClient(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, Revocations revocations, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await ReadAsync(connection, tx, id, ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_clients SET revoked_at = now(), version = version + 1, updated_at = now() WHERE id = @id AND revoked_at IS NULL",
            new { id }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problems.NotFound("active API client");
        }

        var securityVersion = await Revocations.EndTokensOfAsync(connection, tx, "api_clients", id, ct);
        await AuditLog.RecordAsync(connection, tx, user, "api_client.revoked", "api_client", id, before, await ReadAsync(connection, tx, id, ct), ct);
        await tx.CommitAsync(ct);
        revocations.SubjectMoved(id, securityVersion);
        return TypedResults.NoContent();
    }

    /// <summary>256 random bits, prefixed so that a leaked secret is recognisable in logs and scanners.</summary>
    private static string NewSecret() => "rcs_" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static async Task<ApiClient?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<ClientRecord>(new CommandDefinition(
            Select + " WHERE id = @id", new { id }, tx, cancellationToken: ct)))?.ToDto();

    private sealed class ClientRecord
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? Organisation { get; init; }
        public string[] Scopes { get; init; } = [];
        public Guid[] SiteIds { get; init; } = [];
        public DateTimeOffset? RevokedAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public ApiClient ToDto() => new()
        {
            Id = Id,
            Name = Name,
            Organisation = Organisation,
            Scopes = Scopes,
            SiteIds = SiteIds.Length > 0 ? SiteIds : null,
            Revoked = RevokedAt is not null,
            CreatedAt = CreatedAt,
        };
    }
}
