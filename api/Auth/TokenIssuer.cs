using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Registry.Api.Auth;

/// <summary>Signs the built-in issuer's access tokens: short-lived ES256 JWTs (RFC 7519, RFC 8725).</summary>
public sealed class TokenIssuer(AuthOptions options, SigningKeyRing keys, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public int LifetimeSeconds => (int)options.AccessTokenLifetime.TotalSeconds;

    /// <summary>An account's token for one sign-in (its refresh-token family), carrying the account's security version.</summary>
    internal string ForAccount(AccountRow account, Guid session) => Sign(new Dictionary<string, object>
    {
        [Claims.Subject] = account.Id.ToString(),
        [Claims.Email] = account.Email,
        [Claims.Name] = account.DisplayName,
        [Claims.Role] = account.Role,
        [Claims.Organisation] = account.Organisation ?? "",
        [Claims.SecurityVersion] = account.SecurityVersion,
        [Claims.Session] = session.ToString(),
    });

    public string ForClient(Guid clientId, string name, IReadOnlyCollection<string> scopes, int securityVersion) => Sign(new Dictionary<string, object>
    {
        [Claims.SecurityVersion] = securityVersion,
        [Claims.Subject] = clientId.ToString(),
        [Claims.ClientId] = clientId.ToString(),
        [Claims.Name] = name,
        [Claims.Scope] = string.Join(' ', scopes),
    });

    private string Sign(Dictionary<string, object> claims)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        claims[JwtRegisteredClaimNames.Jti] = Guid.CreateVersion7().ToString();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.AccessTokenLifetime,
            Claims = claims,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(keys.Current, SigningKeyRing.Algorithm),
        });
    }
}

public static class ClaimsPrincipalExtensions
{
    public static bool IsClient(this ClaimsPrincipal user) => user.FindFirst(Claims.ClientId) is not null;

    public static Guid? AccountId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !user.IsClient() && Guid.TryParse(user.FindFirst(Claims.Subject)?.Value, out var id) ? id : null;

    public static Guid? ClientId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(Claims.ClientId)?.Value, out var id) ? id : null;

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(Claims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope, StringComparer.Ordinal);
}
