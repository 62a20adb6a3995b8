using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Registry.Contracts.Auth;

[Description("Sign in with an account's email and password.")]
public sealed record LoginRequest
{
    [Required, EmailAddress, MaxLength(254)]
    public required string Email { get; init; }

    [Required, MaxLength(200)]
    public required string Password { get; init; }
}

[Description("Exchange a refresh token for a new pair; the presented token is used up.")]
public sealed record RefreshRequest
{
    [Required, MaxLength(200)]
    public required string RefreshToken { get; init; }
}

[Description("Revoke the refresh token (and its whole family) of this sign-in.")]
public sealed record LogoutRequest
{
    [Required, MaxLength(200)]
    public required string RefreshToken { get; init; }
}

[Description("Tokens of a signed-in account.")]
public sealed record TokenPair
{
    [Description("JWT access token for the Authorization: Bearer header.")]
    [MaxLength(4096)]
    public required string AccessToken { get; init; }

    [Description("Seconds until the access token expires.")]
    [Range(1, 86400)]
    public required int ExpiresIn { get; init; }

    [Description("Single-use token for POST /api/v1/auth/refresh.")]
    [MaxLength(200)]
    public required string RefreshToken { get; init; }

    [Description("When the refresh token expires.")]
    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }

    public required CurrentUser User { get; init; }
}

[Description("The caller as the service sees it.")]
public sealed record CurrentUser
{
    [MaxLength(64)]
    public required string Id { get; init; }

    [Description("`account` for people, `client` for integrators' API clients.")]
    [MaxLength(16)]
    public required string Kind { get; init; }

    [MaxLength(200)]
    public required string DisplayName { get; init; }

    [MaxLength(254)]
    public string? Email { get; init; }

    [Description("member, supplier, coordinator or admin (accounts only).")]
    [MaxLength(32)]
    public string? Role { get; init; }

    [MaxLength(200)]
    public string? Organisation { get; init; }

    [Description("Scopes of an API client's token.")]
    [MaxLength(8)]
    [ItemMaxLength(32)]
    public IReadOnlyList<string> Scopes { get; init; } = [];

    [Description("Supplier sites this account may edit.")]
    [MaxLength(1000)]
    public IReadOnlyList<Guid> SupplierIds { get; init; } = [];
}

[Description("OAuth 2.0 access token response (RFC 6749 §5.1) for the client credentials grant.")]
public sealed record ClientTokenResponse
{
    [JsonPropertyName("access_token")]
    [MaxLength(4096)]
    public required string AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    [MaxLength(16)]
    public required string TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    [Range(1, 86400)]
    public required int ExpiresIn { get; init; }

    [JsonPropertyName("scope")]
    [MaxLength(200)]
    public required string Scope { get; init; }
}

[Description("A JSON Web Key Set (RFC 7517) of the keys that verify this service's tokens.")]
public sealed record JsonWebKeySet
{
    [Description("At most 16 (SigningKeyRing.MaxKeys): keys retire once no token they signed can still be valid, the oldest earlier when rotations come in quick succession.")]
    [MaxLength(16)]
    public required IReadOnlyList<PublicJsonWebKey> Keys { get; init; }
}

[Description("A public EC key (RFC 7518 §6.2).")]
public sealed record PublicJsonWebKey
{
    [JsonPropertyName("kty")]
    [MaxLength(8)]
    public required string Kty { get; init; }

    [JsonPropertyName("crv")]
    [MaxLength(8)]
    public required string Crv { get; init; }

    [JsonPropertyName("x")]
    [MaxLength(64)]
    public required string X { get; init; }

    [JsonPropertyName("y")]
    [MaxLength(64)]
    public required string Y { get; init; }

    [JsonPropertyName("kid")]
    [MaxLength(64)]
    public required string Kid { get; init; }

    [JsonPropertyName("use")]
    [MaxLength(8)]
    public required string Use { get; init; }

    [JsonPropertyName("alg")]
    [MaxLength(8)]
    public required string Alg { get; init; }
}

[Description("OAuth 2.0 client credentials request (RFC 6749 §4.4.2), form-encoded. The client may instead authenticate with HTTP Basic (client_id:client_secret).")]
public sealed record ClientTokenForm
{
    [JsonPropertyName("grant_type")]
    [Description("Always `client_credentials`.")]
    [MaxLength(32)]
    public required string GrantType { get; init; }

    [JsonPropertyName("client_id")]
    [MaxLength(64)]
    public string? ClientId { get; init; }

    [JsonPropertyName("client_secret")]
    [MaxLength(200)]
    public string? ClientSecret { get; init; }

    [JsonPropertyName("scope")]
    [Description("Space-separated subset of the client's scopes; all of them when absent.")]
    [MaxLength(200)]
    public string? Scope { get; init; }
}

[Description("A new signing key now signs tokens; older keys still verify until their tokens expire.")]
public sealed record SigningKeyRotated
{
    [MaxLength(64)]
    public required string Kid { get; init; }
}
