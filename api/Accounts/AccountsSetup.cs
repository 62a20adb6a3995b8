namespace Registry.Api.Accounts;

public static class AccountsSetup
{
    /// <summary>People's accounts (admins manage, everyone their own) and API clients for regional systems.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        AccountsApi.Map(app);
        ApiClientsApi.Map(app);
        return app;
    }
}
