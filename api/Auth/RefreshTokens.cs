using System.Security.Cryptography;
using Dapper;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Registry.Api.Auth;

/// <summary>
/// Rotating refresh tokens (OAuth 2.0 Security BCP §4.14): each is random, stored only as its SHA-256, and used once.
/// Presenting a token that was already used means it leaked: the whole family (every token of that sign-in) is revoked.
/// </summary>
public sealed class RefreshTokens(AuthOptions options, TimeProvider clock)
{
    public abstract record Outcome;

    public sealed record Rotated(Guid AccountId, Guid FamilyId, string Token, DateTimeOffset ExpiresAt) : Outcome;

    public sealed record Reused(Guid AccountId, Guid FamilyId) : Outcome;

    public sealed record Invalid : Outcome;

    /// <summary>A new refresh token of the sign-in <paramref name="familyId"/>, or of a new sign-in when null.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt, Guid FamilyId)> IssueAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid accountId, Guid? familyId, CancellationToken ct)
    {
        var family = familyId ?? Guid.CreateVersion7();
        var token = "rt_" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var expiresAt = clock.GetUtcNow().AddDays(options.RefreshTokenDays);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO refresh_tokens (id, family_id, account_id, token_hash, expires_at)
            VALUES (@id, @familyId, @accountId, @hash, @expiresAt)
            """,
            new { id = Guid.CreateVersion7(), familyId = family, accountId, hash = Hash(token), expiresAt },
            tx, cancellationToken: ct));
        return (token, expiresAt, family);
    }

    public async Task<Outcome> RotateAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string token, CancellationToken ct)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        // Marking it used is the check: of two concurrent uses, exactly one gets the row back.
        var current = await connection.QuerySingleOrDefaultAsync<(Guid FamilyId, Guid AccountId)?>(new CommandDefinition("""
            UPDATE refresh_tokens r SET used_at = @now
            FROM accounts a
            WHERE r.token_hash = @hash AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > @now
              AND a.id = r.account_id AND a.disabled_at IS NULL
            RETURNING r.family_id, r.account_id
            """, new { hash, now }, tx, cancellationToken: ct));
        if (current is { } live)
        {
            var (next, expiresAt, _) = await IssueAsync(connection, tx, live.AccountId, live.FamilyId, ct);
            return new Rotated(live.AccountId, live.FamilyId, next, expiresAt);
        }

        // A retry: the token was used moments ago and what it was exchanged for has not been used yet (the answer was
        // lost). That successor is revoked and a new one issued, so the sign-in still has exactly one live token.
        if (options.RefreshRetrySeconds > 0
            && await connection.QuerySingleOrDefaultAsync<(Guid FamilyId, Guid AccountId)?>(new CommandDefinition("""
                SELECT r.family_id, r.account_id FROM refresh_tokens r JOIN accounts a ON a.id = r.account_id
                WHERE r.token_hash = @hash AND r.revoked_at IS NULL AND r.used_at >= @since AND r.expires_at > @now AND a.disabled_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM refresh_tokens n
                                  WHERE n.family_id = r.family_id AND (n.used_at > r.used_at OR n.revoked_at IS NOT NULL))
                FOR UPDATE OF r
                """, new { hash, now, since = now - TimeSpan.FromSeconds(options.RefreshRetrySeconds) }, tx, cancellationToken: ct)) is { } retry)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @family AND used_at IS NULL AND revoked_at IS NULL",
                new { family = retry.FamilyId, now }, tx, cancellationToken: ct));
            var (again, againExpiresAt, _) = await IssueAsync(connection, tx, retry.AccountId, retry.FamilyId, ct);
            return new Rotated(retry.AccountId, retry.FamilyId, again, againExpiresAt);
        }

        var spent = await connection.QuerySingleOrDefaultAsync<(Guid FamilyId, Guid AccountId)?>(new CommandDefinition(
            "SELECT family_id, account_id FROM refresh_tokens WHERE token_hash = @hash AND used_at IS NOT NULL",
            new { hash }, tx, cancellationToken: ct));
        if (spent is { } reused)
        {
            await RevokeFamilyAsync(connection, tx, reused.FamilyId, ct);
            return new Reused(reused.AccountId, reused.FamilyId);
        }

        return new Invalid();
    }

    /// <summary>Revokes the sign-in the token belongs to; unknown tokens are ignored (logout never tells).</summary>
    public async Task<Guid?> RevokeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string token, CancellationToken ct)
    {
        var family = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT family_id FROM refresh_tokens WHERE token_hash = @hash", new { hash = Hash(token) }, tx, cancellationToken: ct));
        if (family is { } id)
        {
            await RevokeFamilyAsync(connection, tx, id, ct);
        }

        return family;
    }

    public Task RevokeAllOfAccountAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid accountId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE account_id = @accountId AND revoked_at IS NULL",
            new { accountId, now = clock.GetUtcNow() }, tx, cancellationToken: ct));

    /// <summary>Ends the sign-in: its refresh tokens here, its access tokens in every process (Revocations).</summary>
    private async Task RevokeFamilyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid familyId, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @familyId AND revoked_at IS NULL",
            new { familyId, now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        await Revocations.EndSessionAsync(connection, tx, familyId, ct);
    }

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}
