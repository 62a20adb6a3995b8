namespace Registry.Api.BulkImports;

public static class ImportsSetup
{
    /// <summary>Bulk imports: the runner that applies a file and the worker that takes queued imports in turn.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSingleton<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
