namespace Registry.Api.Auth;

/// <summary>An accounts row as the auth endpoints read it.</summary>
internal sealed class AccountRow
{
    public const string Columns = "id, email, display_name, role, organisation, password_hash, disabled_at, security_version";

    public Guid Id { get; init; }

    public string Email { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string Role { get; init; } = "";

    public string? Organisation { get; init; }

    public string PasswordHash { get; init; } = "";

    public DateTimeOffset? DisabledAt { get; init; }

    public int SecurityVersion { get; init; }
}
