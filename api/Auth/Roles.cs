namespace Registry.Api.Auth;

/// <summary>Account roles (DESIGN §2) and the claim names of the registry's tokens.</summary>
public static class Roles
{
    public const string Member = "member";
    public const string Supplier = "supplier";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";
}

public static class Scopes
{
    public const string SuppliersImport = "suppliers:import";
    public const string FeedRead = "feed:read";
    public const string WebhooksManage = "webhooks:manage";

    /// <summary>A firm's own system follows the orders of the sites the client is bound to (feed and webhooks).</summary>
    public const string OrdersRead = "orders:read";

    public static readonly IReadOnlyList<string> All = [SuppliersImport, FeedRead, WebhooksManage, OrdersRead];
}

public static class Claims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string Organisation = "org";
    public const string Scope = "scope";
    public const string ClientId = "client_id";

    /// <summary>The security version of the account or client when the token was issued (see Revocations).</summary>
    public const string SecurityVersion = "sv";

    /// <summary>The sign-in (refresh-token family) an account's token belongs to; logout ends it (RFC 7519 "sid").</summary>
    public const string Session = "sid";

    /// <summary>The response link an order's supplier acts through (no account): the audit names the link.</summary>
    public const string OrderLink = "order_link";
}
