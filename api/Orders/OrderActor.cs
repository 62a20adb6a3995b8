using System.Security.Claims;
using Registry.Api.Auth;

namespace Registry.Api.Orders;

/// <summary>
/// Who acts on an order (DESIGN §11): its buyer (the account that placed it), or its supplier — an account linked to
/// the site, or whoever holds the order's response link. Coordinators are neither: they see orders in aggregate only.
/// </summary>
public sealed record OrderActor(ClaimsPrincipal User, Guid? AccountId, IReadOnlyCollection<Guid> Sites, Guid? LinkId)
{
    public bool IsBuyerOf(OrderStore.Row order) => LinkId is null && AccountId == order.BuyerAccountId;

    /// <summary>A supplier sees an order once it is sent; a draft is still the buyer's.</summary>
    public bool IsSupplierOf(OrderStore.Row order) => Sites.Contains(order.SupplierId) && order.Status != "draft";

    public bool IsPartyOf(OrderStore.Row order) => IsBuyerOf(order) || IsSupplierOf(order);

    /// <summary>The channel when it is neither the account's own request nor the link: "import" (an imported acknowledgement).</summary>
    public string? Via { get; init; }

    /// <summary>How the supplier answered, for its digital-readiness facts.</summary>
    public string Channel => Via ?? (LinkId is null ? "account" : "link");

    public static async Task<OrderActor> OfAsync(ClaimsPrincipal user, Ownership ownership, CancellationToken ct) =>
        new(user, user.AccountId(), await ownership.SitesOfAsync(user, ct), null);

    /// <summary>The account placing orders: their buyer.</summary>
    public static OrderActor Buyer(ClaimsPrincipal user) => new(user, user.AccountId(), [], null);

    /// <summary>The holder of a response link: the supplier of that one order, audited as the link.</summary>
    public static OrderActor OfLink(Guid linkId, Guid supplierId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(Claims.OrderLink, linkId.ToString())], "order-link")), null, [supplierId], linkId);
}
