using Dapper;
using Npgsql;

namespace Registry.Api.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Registry";

    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // Resolved lazily: building the host (for instance to generate openapi.yaml) must not need a database.
        services.AddSingleton(_ => new RegistryConnectionString(
            configuration.GetConnectionString(ConnectionName) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionName} is not set. scripts/run sets it for the local database.")));
        services.AddSingleton(sp => CreateDataSource(sp.GetRequiredService<RegistryConnectionString>().Value));
        services.AddSingleton<ReadDatabase>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<StartupRefusal>();
        services.AddSingleton<StartupData>();
        services.AddHostedService<MigrateOnStartup>();
        return services;
    }

    /// <summary>
    /// Defaults for an API's short queries, unless the connection string says otherwise: statements are prepared
    /// automatically after a few uses (planning was a third of a search's time), connections skip the reset round
    /// trip when they go back to the pool, and no query is split over parallel workers (on a few cores, under
    /// concurrent requests, a Gather only adds latency).
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        // Dapper's conventions are process-wide; every user of a data source (the service, bench/Seed, tests) needs them.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
        }

        settings.NoResetOnClose = true;
        settings.Options ??= "-c max_parallel_workers_per_gather=0";

        // Several hosts (a standby and the primary): one pool per host, with failover in the listed order.
        return settings.Host?.Contains(',', StringComparison.Ordinal) == true ? builder.BuildMultiHost() : builder.Build();
    }
}

/// <summary>The configured connection string, kept whole (a data source hides the password once it has opened).</summary>
public sealed record RegistryConnectionString(string Value);

/// <summary>Dapper does not know DateOnly; PostgreSQL's date maps to it both ways.</summary>
internal sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override void SetValue(System.Data.IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = System.Data.DbType.Date;
        parameter.Value = value;
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new InvalidCastException($"Cannot read {value.GetType()} as a date."),
    };
}
