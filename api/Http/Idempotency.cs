using System.Security.Claims;
using System.Security.Cryptography;
using Dapper;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Errors;

namespace Registry.Api.Http;

/// <summary>
/// DESIGN §6: a creating POST with an Idempotency-Key header runs once per caller and key (kept 24 h). A retry with
/// the same body gets the first answer again (status, Location, ETag, body); the same key with another body is 422;
/// a retry while the first request is still running is 409. Stored in PostgreSQL, so it holds across API processes.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan s_retention = TimeSpan.FromHours(24);

    /// <summary>Marks a creating endpoint as accepting Idempotency-Key.</summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder) => builder.WithMetadata(new IdempotentEndpoint());

    public sealed record IdempotentEndpoint;

    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var key = context.Request.Headers[Header].ToString();
            if (key.Length == 0 || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is null)
            {
                await next(context);
                return;
            }

            if (key.Length > 200)
            {
                await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Idempotency-Key is at most 200 characters.");
                return;
            }

            await HandleAsync(context, next, key);
        });
        return app;
    }

    private static async Task HandleAsync(HttpContext context, RequestDelegate next, string key)
    {
        var ct = context.RequestAborted;
        var db = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var caller = Caller(context.User, context);
        context.Request.EnableBuffering();
        var hash = await RequestHashAsync(context.Request, ct);

        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM idempotency_keys WHERE created_at < now() - @retention", new { retention = s_retention }, cancellationToken: ct));
            var claimed = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO idempotency_keys (caller, key, request_hash) VALUES (@caller, @key, @hash) ON CONFLICT DO NOTHING
                """, new { caller, key, hash }, cancellationToken: ct));
            if (claimed == 0)
            {
                var first = await connection.QuerySingleAsync<StoredAnswer>(new CommandDefinition(
                    "SELECT request_hash, status, content_type, location, etag, body FROM idempotency_keys WHERE caller = @caller AND key = @key",
                    new { caller, key }, cancellationToken: ct));
                await ReplayAsync(context, first, hash);
                return;
            }
        }

        // Run the request once, keeping a copy of its answer.
        var original = context.Response.Body;
        await using var copy = new MemoryStream();
        context.Response.Body = copy;
        try
        {
            await next(context);
        }
        catch
        {
            await ReleaseAsync(db, caller, key);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        copy.Position = 0;
        await copy.CopyToAsync(original, ct);
        await using var done = await db.OpenConnectionAsync(CancellationToken.None);
        if (context.Response.StatusCode >= 500)
        {
            // A failure is not an answer worth replaying: let the client retry for real.
            await done.ExecuteAsync("DELETE FROM idempotency_keys WHERE caller = @caller AND key = @key", new { caller, key });
            return;
        }

        await done.ExecuteAsync("""
            UPDATE idempotency_keys SET status = @status, content_type = @contentType, location = @location, etag = @etag, body = @body
            WHERE caller = @caller AND key = @key
            """,
            new
            {
                caller,
                key,
                status = context.Response.StatusCode,
                contentType = context.Response.ContentType,
                location = context.Response.Headers.Location.ToString(),
                etag = context.Response.Headers.ETag.ToString(),
                body = copy.ToArray(),
            });
    }

    private static async Task ReplayAsync(HttpContext context, StoredAnswer first, byte[] hash)
    {
        if (!CryptographicOperations.FixedTimeEquals(first.RequestHash, hash))
        {
            await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was used with a different request. Use a new key for a new request.");
            return;
        }

        if (first.Status is not { } status)
        {
            await WriteProblemAsync(context, StatusCodes.Status409Conflict,
                "The first request with this Idempotency-Key is still running. Retry after it has finished.");
            return;
        }

        context.Response.StatusCode = status;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(first.ContentType))
        {
            context.Response.ContentType = first.ContentType;
        }

        if (!string.IsNullOrEmpty(first.Location))
        {
            context.Response.Headers.Location = first.Location;
        }

        if (!string.IsNullOrEmpty(first.Etag))
        {
            context.Response.Headers.ETag = first.Etag;
        }

        if (first.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body);
        }
    }

    private static async Task ReleaseAsync(NpgsqlDataSource db, string caller, string key)
    {
        await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE caller = @caller AND key = @key", new { caller, key });
    }

    private static async Task<byte[]> RequestHashAsync(HttpRequest request, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return sha.GetHashAndReset();
    }

    private static string Caller(ClaimsPrincipal user, HttpContext context) =>
        user.FindFirst(Claims.Subject)?.Value is { } subject ? "sub:" + subject : "address:" + context.Connection.RemoteIpAddress;

    private static Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Type = ProblemTypes.Idempotency,
                Title = "Idempotency-Key conflict",
                Detail = detail,
            },
        }).AsTask();
    }

    private sealed class StoredAnswer
    {
        public byte[] RequestHash { get; init; } = [];
        public int? Status { get; init; }
        public string? ContentType { get; init; }
        public string? Location { get; init; }
        public string? Etag { get; init; }
        public byte[]? Body { get; init; }
    }
}
