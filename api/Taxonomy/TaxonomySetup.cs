namespace Registry.Api.Taxonomy;

public static class TaxonomySetup
{
    /// <summary>The bilingual taxonomy, loaded once from the embedded taxonomy.json.</summary>
    public static IServiceCollection AddTaxonomy(this IServiceCollection services) =>
        services.AddSingleton(_ => TaxonomyCatalog.LoadEmbedded());
}
