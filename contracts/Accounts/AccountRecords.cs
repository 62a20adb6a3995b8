using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Accounts;

public enum AccountRole
{
    Member,
    Supplier,
    Coordinator,
    Admin,
}

[Description("A person's account.")]
public sealed record Account
{
    public required Guid Id { get; init; }

    [MaxLength(254)]
    public required string Email { get; init; }

    [MaxLength(200)]
    public required string DisplayName { get; init; }

    public required AccountRole Role { get; init; }

    [MaxLength(200)]
    public string? Organisation { get; init; }

    [Description("A disabled account cannot sign in; its refresh tokens are revoked.")]
    public required bool Disabled { get; init; }

    [Description("Supplier sites a supplier account may edit.")]
    [MaxLength(1000)]
    public required IReadOnlyList<Guid> SupplierIds { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

[Description("A new account (admin only).")]
public sealed record CreateAccountRequest
{
    [Required, EmailAddress, MaxLength(254)]
    public required string Email { get; init; }

    [Required, MinLength(1), MaxLength(200)]
    public required string DisplayName { get; init; }

    [Required]
    public required AccountRole Role { get; init; }

    [MaxLength(200)]
    public string? Organisation { get; init; }

    [Description("At least 12 characters. Stored only as a salted PBKDF2 hash.")]
    [Required, MinLength(12), MaxLength(200)]
    public required string Password { get; init; }

    [MaxLength(1000)]
    public IReadOnlyList<Guid>? SupplierIds { get; init; }
}

[Description("Changes to an account; absent members stay as they are. Needs If-Match.")]
public sealed record UpdateAccountRequest
{
    [MinLength(1), MaxLength(200)]
    public string? DisplayName { get; init; }

    public AccountRole? Role { get; init; }

    [MaxLength(200)]
    public string? Organisation { get; init; }

    public bool? Disabled { get; init; }

    [Description("A new password set by the admin; at least 12 characters.")]
    [MinLength(12), MaxLength(200)]
    public string? Password { get; init; }

    [Description("Replaces the supplier sites the account may edit.")]
    [MaxLength(1000)]
    public IReadOnlyList<Guid>? SupplierIds { get; init; }
}

[Description("An integrator's API client (OAuth 2.0 client credentials). Its id is the client_id.")]
public sealed record ApiClient
{
    public required Guid Id { get; init; }

    [MaxLength(200)]
    public required string Name { get; init; }

    [MaxLength(200)]
    public string? Organisation { get; init; }

    [MaxLength(8)]
    [ItemMaxLength(32)]
    public required IReadOnlyList<string> Scopes { get; init; }

    public required bool Revoked { get; init; }

    [Description("The sites whose orders the client follows (orders:read): a firm's own system.")]
    [MaxLength(50)]
    public IReadOnlyList<Guid>? SiteIds { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

[Description("A new API client for an association or regional system (admin only).")]
public sealed record CreateApiClientRequest
{
    [Required, MinLength(1), MaxLength(200)]
    public required string Name { get; init; }

    [MaxLength(200)]
    public string? Organisation { get; init; }

    [Description("Any of suppliers:import, feed:read, webhooks:manage, orders:read.")]
    [Required, MinLength(1), MaxLength(8)]
    [ItemMaxLength(32)]
    public required IReadOnlyList<string> Scopes { get; init; }

    [Description("With orders:read: the sites (a firm's own) whose orders the client follows through the feed and webhooks.")]
    [MaxLength(50)]
    public IReadOnlyList<Guid>? SiteIds { get; init; }
}

[Description("An API client with its secret. The secret is shown this once and never again.")]
public sealed record ApiClientWithSecret
{
    public required ApiClient Client { get; init; }

    [MaxLength(200)]
    public required string ClientSecret { get; init; }
}
