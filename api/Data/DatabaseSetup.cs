using Dapper;
using Npgsql;

namespace Registry.Api.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Registry";

    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());

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
