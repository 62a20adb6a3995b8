namespace Registry.Api.Clusters;

public static class ClusterSetup
{
    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder app) =>
        app.MapClusters().MapThemes().MapCoverage();
}
