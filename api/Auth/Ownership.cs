using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace Registry.Api.Auth;

/// <summary>
/// DESIGN §2: object-level checks live in one place. A role says what kind of thing a caller may do; these rules say
/// to which objects. A supplier account edits only the sites linked to it; coordinators and admins edit any (they
/// verify and correct the region's facts). A cluster, its members and its themes are run by the cluster's own
/// coordinators and admins — not by every coordinator. A matching request is run by its buyer and, as mediators,
/// coordinators. Endpoints ask here (or through the CanEditSupplier policy), never by checking roles or links
/// themselves.
/// </summary>
public sealed class Ownership(NpgsqlDataSource db)
{
    /// <summary>The cluster's own coordinators (and admins) run it: its facts, states, members and themes.</summary>
    public static bool RunsCluster(ClaimsPrincipal user, IReadOnlyCollection<Guid> clusterCoordinators) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Coordinator) && user.AccountId() is { } me && clusterCoordinators.Contains(me));

    /// <summary>A matching request is run by its buyer, and mediated by any coordinator or admin.</summary>
    public static bool RunsRequest(ClaimsPrincipal user, Guid buyerAccountId) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) || user.AccountId() == buyerAccountId;

    public async Task<bool> CanEditSupplierAsync(ClaimsPrincipal user, Guid supplierId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin))
        {
            return true;
        }

        if (!user.IsInRole(Roles.Supplier) || user.AccountId() is not { } account)
        {
            return false;
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM account_suppliers WHERE account_id = @account AND supplier_id = @supplierId)",
            new { account, supplierId }, cancellationToken: ct));
    }

    /// <summary>The sites a supplier account speaks for (none for other callers): whose invitations it sees and answers.</summary>
    public async Task<Guid[]> SitesOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Supplier) || user.AccountId() is not { } account)
        {
            return [];
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT supplier_id FROM account_suppliers WHERE account_id = @account", new { account }, cancellationToken: ct))];
    }
}

/// <summary>
/// Whose order events a reader of the feed or a webhook subscriber may receive (DESIGN §11): an API client with
/// orders:read those of the sites it is bound to; an account those it placed and those of its sites.
/// </summary>
public sealed record PartyKeys(Guid[] Sites, Guid? Account)
{
    public static readonly PartyKeys None = new([], null);

    public static async Task<PartyKeys> OfAsync(NpgsqlConnection connection, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.ClientId() is { } client)
        {
            return user.HasScope(Scopes.OrdersRead)
                ? new([.. await connection.QueryAsync<Guid>(new CommandDefinition(
                    "SELECT supplier_id FROM api_client_sites WHERE client_id = @client", new { client }, cancellationToken: ct))], null)
                : None;
        }

        if (user.AccountId() is not { } account)
        {
            return None;
        }

        return new([.. await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT supplier_id FROM account_suppliers WHERE account_id = @account", new { account }, cancellationToken: ct))], account);
    }
}

public sealed class CanEditSupplierRequirement : IAuthorizationRequirement;

/// <summary>
/// Evaluates CanEditSupplier for a site id given as the resource, or — when the policy is on an endpoint — for the
/// route's <c>supplierId</c> (or <c>id</c>) value.
/// </summary>
internal sealed class SupplierOwnershipHandler(IServiceScopeFactory scopes) : AuthorizationHandler<CanEditSupplierRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CanEditSupplierRequirement requirement)
    {
        var supplierId = context.Resource switch
        {
            Guid id => id,
            HttpContext http when Guid.TryParse((http.Request.RouteValues["supplierId"] ?? http.Request.RouteValues["id"])?.ToString(), out var id) => id,
            _ => (Guid?)null,
        };
        if (supplierId is null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<Ownership>().CanEditSupplierAsync(context.User, supplierId.Value, CancellationToken.None))
        {
            context.Succeed(requirement);
        }
    }
}
