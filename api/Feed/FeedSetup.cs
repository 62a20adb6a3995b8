namespace Registry.Api.Feed;

public static class FeedSetup
{
    /// <summary>The change feed's retention worker (the feed itself reads the outbox).</summary>
    public static IServiceCollection AddFeed(this IServiceCollection services)
    {
        services.AddSingleton<FeedRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedRetention>());
        return services;
    }
}
