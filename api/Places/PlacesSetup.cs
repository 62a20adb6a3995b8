using Registry.Api.Taxonomy;

namespace Registry.Api.Places;

public static class PlacesSetup
{
    /// <summary>The places data set (loaded into memory once, when the service starts) and the centres of places from published sites.</summary>
    public static IServiceCollection AddPlaces(this IServiceCollection services)
    {
        services.AddSingleton(sp => PlaceCatalog.LoadEmbedded(sp.GetRequiredService<TaxonomyCatalog>()));
        services.AddSingleton<PlaceCentres>();
        services.AddHostedService<Warmup>();
        return services;
    }

    /// <summary>Reads the data set while the service starts, so that the first request does not wait for it.</summary>
    private sealed class Warmup(IServiceProvider services) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            Task.Run(() => services.GetRequiredService<PlaceCatalog>(), stoppingToken);
    }
}
