using Dapper;
using Npgsql;

namespace Registry.Api.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Registry";

    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        // Resolved lazily: building the host (for instance to generate openapi.yaml) must not need a database.
        services.AddSingleton(_ => new RegistryConnectionString(
            configuration.GetConnectionString(ConnectionName) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionName} is not set. scripts/run sets it for the local database.")));
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<RegistryConnectionString>().Value));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<StartupRefusal>();
        services.AddHostedService<MigrateOnStartup>();
        return services;
    }
}

/// <summary>The configured connection string, kept whole (a data source hides the password once it has opened).</summary>
public sealed record RegistryConnectionString(string Value);
