namespace Registry.Api.Orders;

public static class OrderSetup
{
    public static IServiceCollection AddOrders(this IServiceCollection services) => services.AddSingleton<RoutePlanning>().AddSingleton<OrderAnswers>()
        .AddSingleton<OrderClock>().AddHostedService(sp => sp.GetRequiredService<OrderClock>());

    /// <summary>Orders and routes, the parties' actions, response links, exchange documents and imported acknowledgements.</summary>
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        OrdersApi.Map(app);
        OrderActions.Map(app);
        OrderLinksApi.Map(app);
        OrderExchangeApi.Map(app);
        return app;
    }
}
