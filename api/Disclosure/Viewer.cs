using System.Security.Claims;
using Registry.Api.Auth;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Disclosure;

/// <summary>
/// The disclosure level a caller reads at (DESIGN §7): anonymous → public sections, any signed-in account or API
/// client → members sections, coordinators and admins → everything. The owner of a site reads its own site fully;
/// that is decided per site by <see cref="Ownership"/>.
/// </summary>
public static class Viewer
{
    public const short Public = 0;
    public const short Members = 1;
    public const short Coordinators = 2;

    public static short Level(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? Public
        : user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) ? Coordinators
        : Members;

    /// <summary>
    /// The site's version, changed time and confirmation time as a caller at <c>@level</c> sees them (suppliers <c>s</c>):
    /// below coordinators they move only when that level's view changes (migration 0016), so that an edit of a hidden
    /// section cannot be watched through them.
    /// </summary>
    public const string VersionSql = "CASE WHEN @level = 0 THEN s.public_version WHEN @level = 1 THEN s.members_version ELSE s.version END";

    /// <inheritdoc cref="VersionSql"/>
    public const string UpdatedAtSql = "CASE WHEN @level = 0 THEN s.public_updated_at WHEN @level = 1 THEN s.members_updated_at ELSE s.updated_at END";

    /// <inheritdoc cref="VersionSql"/>
    public const string ConfirmedAtSql = "CASE WHEN @level >= 2 THEN s.confirmed_at ELSE greatest(s.reconfirmed_at, " + UpdatedAtSql + ") END";

    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);

    public static short ToLevel(DisclosureLevel level) => (short)level;

    public static DisclosureLevel ToDisclosure(short level) => (DisclosureLevel)level;
}
