using System.Globalization;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Auth;

namespace Registry.Api.Auth;

public static partial class AuthApi
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth").RejectUnknownQueryParameters();

        group.MapPost("/login", Login).AllowAnonymous().ValidateBody<LoginRequest>()
            .WithName("login").WithSummary("Sign in with email and password")
            .WithDescription("Returns a 15-minute access token and a single-use refresh token. Unknown email and wrong password get the same answer; repeated failures per account and per address are throttled (429).")
            .ProducesProblemDocument(StatusCodes.Status401Unauthorized);
        group.MapPost("/refresh", Refresh).AllowAnonymous().ValidateBody<RefreshRequest>()
            .WithName("refreshToken").WithSummary("Rotate a refresh token")
            .WithDescription("Uses up the refresh token and returns a new pair. Presenting a token that was already used revokes every token of that sign-in.")
            .ProducesProblemDocument(StatusCodes.Status401Unauthorized);
        group.MapPost("/logout", Logout).AllowAnonymous().ValidateBody<LogoutRequest>()
            .WithName("logout").WithSummary("Sign out: revoke the refresh token and its family");
        group.MapPost("/token", ClientToken).AllowAnonymous().DisableAntiforgery()
            .WithMetadata(new FormBody(typeof(ClientTokenForm)))
            .WithName("issueClientToken").WithSummary("OAuth 2.0 client credentials grant for integrators")
            .WithDescription("RFC 6749 §4.4. Authenticate with HTTP Basic or client_id/client_secret in the form. Errors are problem documents that also carry the RFC 6749 `error` code.")
            .Produces<Registry.Contracts.Problems.OAuthProblem>(StatusCodes.Status400BadRequest, ContractConventions.ProblemMediaType)
            .Produces<Registry.Contracts.Problems.OAuthProblem>(StatusCodes.Status401Unauthorized, ContractConventions.ProblemMediaType)
            .Produces<Registry.Contracts.Problems.OAuthProblem>(StatusCodes.Status415UnsupportedMediaType, ContractConventions.ProblemMediaType);
        group.MapGet("/me", Me).RequireAuthorization()
            .WithName("getCurrentUser").WithSummary("Who the presented token belongs to");

        app.MapGet("/.well-known/jwks.json", Jwks).AllowAnonymous().AnswersWithoutDatabase().WithTags("Auth").RejectUnknownQueryParameters()
            .WithName("getJsonWebKeySet").WithSummary("Public keys that verify this service's tokens (RFC 7517)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPost("/signing-keys/rotate", RotateSigningKey).RequireAuthorization(Policies.Admin)
            .WithName("rotateSigningKey").WithSummary("Start signing with a new key (admin)")
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> Login(
        LoginRequest body, HttpContext http, NpgsqlDataSource db, AuthOptions options, Passwords passwords,
        LoginThrottle throttle, RefreshTokens refreshTokens, TokenIssuer issuer, CancellationToken ct)
    {
        if (!options.IsBuiltIn)
        {
            return IssuerOff();
        }

        var email = body.Email.Trim().ToLowerInvariant();
        var keys = LoginThrottle.KeysFor(email, http);
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await throttle.RetryAfterAsync(connection, keys, ct) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, type: ProblemTypes.LoginThrottled,
                title: "Too many failed sign-ins", detail: $"Sign-in is paused for this account or address. Try again in {seconds} s.");
        }

        var account = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE email = @email", new { email }, cancellationToken: ct));
        var (valid, rehash) = passwords.Verify(account is { DisabledAt: null } ? account.PasswordHash : null, body.Password);
        if (!valid || account is null)
        {
            await throttle.RecordFailureAsync(connection, keys, ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.InvalidCredentials,
                title: "Sign-in failed", detail: "The email or the password is wrong.");
        }

        await throttle.ForgetAsync(connection, keys, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (rehash)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE accounts SET password_hash = @hash WHERE id = @id",
                new { hash = passwords.Hash(body.Password), id = account.Id }, tx, cancellationToken: ct));
        }

        var (refreshToken, expiresAt, session) = await refreshTokens.IssueAsync(connection, tx, account.Id, familyId: null, ct);
        await AuditLog.RecordAsync(connection, tx, "account", account.Id.ToString(), "auth.login", "account", account.Id, null, null, ct);
        await tx.CommitAsync(ct);
        ForgetCachedViews(http.Response);
        return TypedResults.Ok(await PairAsync(connection, account, session, refreshToken, expiresAt, issuer, ct));
    }

    public static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> Refresh(
        RefreshRequest body, NpgsqlDataSource db, AuthOptions options, RefreshTokens refreshTokens, TokenIssuer issuer, Revocations revocations,
        CancellationToken ct)
    {
        if (!options.IsBuiltIn)
        {
            return IssuerOff();
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var outcome = await refreshTokens.RotateAsync(connection, tx, body.RefreshToken, ct);
        if (outcome is RefreshTokens.Reused reused)
        {
            await AuditLog.RecordAsync(connection, tx, "account", reused.AccountId.ToString(), "auth.refresh_token_reused",
                "account", reused.AccountId, null, new { revokedFamily = reused.FamilyId }, ct);
        }

        await tx.CommitAsync(ct);
        if (outcome is RefreshTokens.Reused ended)
        {
            // Other processes learn it from the notification; this one before it answers.
            revocations.SessionEnded(ended.FamilyId);
        }

        if (outcome is not RefreshTokens.Rotated rotated)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.InvalidRefreshToken,
                title: "Refresh token not accepted", detail: "The refresh token is unknown, expired, revoked or already used. Sign in again.");
        }

        var account = await connection.QuerySingleAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE id = @id", new { id = rotated.AccountId }, cancellationToken: ct));
        return TypedResults.Ok(await PairAsync(connection, account, rotated.FamilyId, rotated.Token, rotated.ExpiresAt, issuer, ct));
    }

    public static async Task<NoContent> Logout(
        LogoutRequest body, NpgsqlDataSource db, RefreshTokens refreshTokens, Revocations revocations, HttpResponse response, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var family = await refreshTokens.RevokeAsync(connection, tx, body.RefreshToken, ct);
        if (family is { } ended)
        {
            var owner = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
                "SELECT account_id FROM refresh_tokens WHERE family_id = @ended LIMIT 1", new { ended }, tx, cancellationToken: ct));
            await AuditLog.RecordAsync(connection, tx, "account", owner.ToString(), "auth.logout", "account", owner, null, null, ct);
        }

        await tx.CommitAsync(ct);
        if (family is not null)
        {
            revocations.SessionEnded(family.Value);
        }

        ForgetCachedViews(response);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// What this browser kept of the API was shown to whoever was signed in before: at sign-in and sign-out it drops
    /// its HTTP cache for this origin (the SPA also reads every view again when the session changes).
    /// </summary>
    private static void ForgetCachedViews(HttpResponse response) => response.Headers["Clear-Site-Data"] = "\"cache\"";

    public static async Task<Results<Ok<CurrentUser>, ProblemHttpResult>> Me(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        if (user.ClientId() is { } client)
        {
            return TypedResults.Ok(new CurrentUser
            {
                Id = client.ToString(),
                Kind = "client",
                DisplayName = user.FindFirst(Claims.Name)?.Value ?? "",
                Scopes = [.. user.FindAll(Claims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))],
            });
        }

        // A token whose account is gone or disabled is no longer a sign-in (every process refuses it as soon as the
        // revocation reaches it; this answers the same in the moment before).
        var signedOut = TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized,
            title: "Not signed in", detail: "The token's account no longer exists or is disabled.");
        if (user.AccountId() is not { } id)
        {
            return signedOut;
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var account = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE id = @id AND disabled_at IS NULL", new { id }, cancellationToken: ct));
        return account is null ? signedOut : TypedResults.Ok(await CurrentUserAsync(connection, account, ct));
    }

    public static Results<Ok<JsonWebKeySet>, ProblemHttpResult> Jwks(AuthOptions options, SigningKeyRing keys, HttpResponse response)
    {
        if (!options.IsBuiltIn)
        {
            return IssuerOff();
        }

        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new JsonWebKeySet
        {
            Keys = [.. keys.Keys.Select(k =>
            {
                var q = k.ECDsa.ExportParameters(includePrivateParameters: false).Q;
                return new PublicJsonWebKey
                {
                    Kty = "EC",
                    Crv = "P-256",
                    X = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(q.X),
                    Y = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(q.Y),
                    Kid = k.KeyId,
                    Use = "sig",
                    Alg = "ES256",
                };
            })],
        });
    }

    public static async Task<Results<Ok<SigningKeyRotated>, ProblemHttpResult>> RotateSigningKey(
        ClaimsPrincipal user, AuthOptions options, SigningKeyRing keys, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!options.IsBuiltIn || options.SigningKeys.Count > 0)
        {
            return Problems.Conflict("Signing keys come from configuration or an external provider here: rotate them there.");
        }

        var kid = keys.Rotate();
        await using var connection = await db.OpenConnectionAsync(ct);
        await AuditLog.RecordAsync(connection, null, user, "auth.signing_key_rotated", "signing_key", kid, null, new { kid }, ct);
        return TypedResults.Ok(new SigningKeyRotated { Kid = kid });
    }

    private static async Task<TokenPair> PairAsync(
        NpgsqlConnection connection, AccountRow account, Guid session, string refreshToken, DateTimeOffset expiresAt, TokenIssuer issuer,
        CancellationToken ct) => new()
        {
            AccessToken = issuer.ForAccount(account, session),
            ExpiresIn = issuer.LifetimeSeconds,
            RefreshToken = refreshToken,
            RefreshTokenExpiresAt = expiresAt,
            User = await CurrentUserAsync(connection, account, ct),
        };

    private static async Task<CurrentUser> CurrentUserAsync(NpgsqlConnection connection, AccountRow account, CancellationToken ct) => new()
    {
        Id = account.Id.ToString(),
        Kind = "account",
        DisplayName = account.DisplayName,
        Email = account.Email,
        Role = account.Role,
        Organisation = account.Organisation,
        SupplierIds = [.. await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT supplier_id FROM account_suppliers WHERE account_id = @id ORDER BY supplier_id", new { id = account.Id }, cancellationToken: ct))],
    };

    internal static ProblemHttpResult IssuerOff() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.IssuerOff,
        title: "The built-in issuer is off", detail: "This deployment trusts an external OIDC provider: sign in there.");
}
