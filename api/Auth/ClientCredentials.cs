using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Npgsql;
using Registry.Api.Errors;
using Registry.Contracts.Auth;

namespace Registry.Api.Auth;

public static partial class AuthApi
{
    /// <summary>
    /// RFC 6749 §4.4 client credentials. Failures are problem documents that also carry RFC 6749's <c>error</c>
    /// member, so OAuth libraries and people both understand them.
    /// </summary>
    public static async Task<Results<Ok<ClientTokenResponse>, ProblemHttpResult>> ClientToken(
        HttpContext http, NpgsqlDataSource db, AuthOptions options, TokenIssuer issuer, CancellationToken ct)
    {
        if (!options.IsBuiltIn)
        {
            return IssuerOff();
        }

        // Form-encoded only (RFC 6749 §4.4.2): a multipart body is not a token request, and its parser throws on bad input.
        if (!string.Equals(http.Request.GetTypedHeaders().ContentType?.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return OAuthProblem(StatusCodes.Status415UnsupportedMediaType, "invalid_request", "Send the request as application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(ct);
        if (form["grant_type"] != "client_credentials")
        {
            return OAuthProblem(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=client_credentials is supported here.");
        }

        var (clientId, secret, error) = Credentials(http.Request, form);
        if (error is not null)
        {
            return OAuthProblem(StatusCodes.Status400BadRequest, "invalid_request", error);
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var client = Guid.TryParse(clientId, out var id)
            ? await connection.QuerySingleOrDefaultAsync<(Guid Id, string Name, string[] Scopes, byte[] SecretHash, int SecurityVersion)?>(new CommandDefinition(
                "SELECT id, name, scopes, secret_hash, security_version FROM api_clients WHERE id = @id AND revoked_at IS NULL", new { id }, cancellationToken: ct))
            : null;
        if (client is not { } known || !CryptographicOperations.FixedTimeEquals(known.SecretHash, HashSecret(secret!)))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"registry\"";
            return OAuthProblem(StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client, revoked client or wrong secret.");
        }

        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var granted = requested.Length == 0 ? known.Scopes : requested;
        if (granted.Except(known.Scopes, StringComparer.Ordinal).ToList() is { Count: > 0 } extra)
        {
            return OAuthProblem(StatusCodes.Status400BadRequest, "invalid_scope", $"This client may not ask for: {string.Join(' ', extra)}.");
        }

        // RFC 6749 §5.1: token responses must not be cached.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        return TypedResults.Ok(new ClientTokenResponse
        {
            AccessToken = issuer.ForClient(known.Id, known.Name, granted, known.SecurityVersion),
            TokenType = "Bearer",
            ExpiresIn = issuer.LifetimeSeconds,
            Scope = string.Join(' ', granted),
        });
    }

    /// <summary>Client secrets are 256-bit random values, so a plain SHA-256 is enough to store them safely.</summary>
    public static byte[] HashSecret(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static (string? ClientId, string? Secret, string? Error) Credentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        var inForm = !StringValues.IsNullOrEmpty(form["client_id"]) || !StringValues.IsNullOrEmpty(form["client_secret"]);
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (inForm)
            {
                return (null, null, "Authenticate with HTTP Basic or with client_id/client_secret, not both.");
            }

            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon < 0
                    ? (null, null, "The Basic credentials are not client_id:client_secret.")
                    : (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]), null);
            }
            catch (FormatException)
            {
                return (null, null, "The Basic credentials are not valid base64.");
            }
        }

        return StringValues.IsNullOrEmpty(form["client_id"]) || StringValues.IsNullOrEmpty(form["client_secret"])
            ? (null, null, "client_id and client_secret are required.")
            : (form["client_id"].ToString(), form["client_secret"].ToString(), null);
    }

    private static ProblemHttpResult OAuthProblem(int status, string error, string description) => TypedResults.Problem(
        statusCode: status, type: ProblemTypes.OAuthError, title: "Token request refused", detail: description,
        extensions: new Dictionary<string, object?> { ["error"] = error, ["error_description"] = description });
}
