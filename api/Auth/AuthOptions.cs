namespace Registry.Api.Auth;

/// <summary>Configuration section "Auth". Either the built-in issuer (default) or an external OIDC provider.</summary>
public sealed record AuthOptions
{
    /// <summary>`builtin`: this service signs tokens. `oidc`: tokens come from <see cref="Oidc"/>; the issuer is off.</summary>
    public string Mode { get; init; } = "builtin";

    public string Issuer { get; init; } = "urn:registry:builtin";

    public string Audience { get; init; } = "registry-api";

    public int AccessTokenMinutes { get; init; } = 15;

    public int RefreshTokenDays { get; init; } = 14;

    /// <summary>
    /// How long a just-used refresh token may be presented again as a retry, while the token it was exchanged for has
    /// not been used: the answer to a refresh can be lost (a tab reloaded mid-request, a phone losing its network).
    /// 0 turns retries off: every second presentation is reuse.
    /// </summary>
    public int RefreshRetrySeconds { get; init; } = 10;

    /// <summary>Signing keys as PEM (first signs, all verify). When empty, keys are generated into <see cref="KeyDirectory"/>.</summary>
    public IReadOnlyList<string> SigningKeys { get; init; } = [];

    /// <summary>Where generated signing keys are kept for the self-contained deployment.</summary>
    public string KeyDirectory { get; init; } = Path.Combine("..", ".data", "keys");

    public OidcOptions Oidc { get; init; } = new();

    /// <summary>Failed sign-ins from one address (any accounts) within <see cref="LoginWindowMinutes"/> before it is paused.</summary>
    public int LoginFailuresPerAddress { get; init; } = 20;

    /// <summary>Failed sign-ins for one account from one address within <see cref="LoginWindowMinutes"/> before that pair is paused.</summary>
    public int LoginFailuresPerAccountAndAddress { get; init; } = 5;

    public int LoginWindowMinutes { get; init; } = 15;

    /// <summary>
    /// Failed sign-ins for one account from anywhere within <see cref="LoginAccountWindowMinutes"/> before each attempt
    /// waits a growing delay (LoginThrottle.AccountDelay). High, and never a long pause: anyone can fail for any account.
    /// </summary>
    public int LoginFailuresPerAccount { get; init; } = 50;

    public int LoginAccountWindowMinutes { get; init; } = 60;

    public bool IsBuiltIn => string.Equals(Mode, "builtin", StringComparison.OrdinalIgnoreCase);

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);
}

public sealed record OidcOptions
{
    public string? Authority { get; init; }

    public string? Audience { get; init; }

    /// <summary>The claim of the provider's tokens that carries the registry role (member, supplier, coordinator, admin).</summary>
    public string RoleClaim { get; init; } = "roles";

    public bool RequireHttpsMetadata { get; init; } = true;
}
