using System.Security.Claims;
using Registry.Api.Auth;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Suppliers;

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

    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);

    public static short ToLevel(DisclosureLevel level) => (short)level;

    public static DisclosureLevel ToDisclosure(short level) => (DisclosureLevel)level;
}
