using Registry.Api.Taxonomy;

namespace Registry.Api.Suppliers;

public static class SupplierSetup
{
    /// <summary>The capability registry: the taxonomy, validation and the supplier store.</summary>
    public static IServiceCollection AddSupplierRegistry(this IServiceCollection services)
    {
        services.AddSingleton(_ => TaxonomyCatalog.LoadEmbedded());
        services.AddSingleton<SupplierValidation>();
        services.AddSingleton<SupplierStore>();
        services.AddSingleton<Search.SupplierSearch>();
        services.AddSingleton<Demo.DemoRegion>();
        services.AddSingleton<Search.Index.SearchIndex>();
        services.AddSingleton<Search.Index.SearchIndexFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<Search.Index.SearchIndexFollower>());
        return services;
    }
}
