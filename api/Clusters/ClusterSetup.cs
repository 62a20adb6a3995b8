namespace Registry.Api.Clusters;

public static class ClusterSetup
{
    /// <summary>Clusters with their members, and the themes (projects) a cluster runs.</summary>
    public static IEndpointRouteBuilder MapClusters(this IEndpointRouteBuilder app)
    {
        ClustersApi.Map(app);
        ThemesApi.Map(app);
        ThemeProposalsApi.Map(app);
        return app;
    }
}
