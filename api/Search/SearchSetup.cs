using Dapper;
using Npgsql;
using Registry.Api.Search.Index;

namespace Registry.Api.Search;

public static class SearchSetup
{
    /// <summary>Supplier search: the SQL path, the in-memory index and the follower that keeps it current.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SupplierSearch>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexFollower>());
        return services;
    }

    /// <summary>
    /// What a writer of sites calls in its transaction: tells every API process that the site changed — delivered only
    /// if, and when, the transaction commits — so that their search indexes follow (<see cref="SearchIndexFollower"/>).
    /// </summary>
    public static Task AnnounceChangeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_notify(@channel, @id::text)", new { channel = SearchIndexFollower.Channel, id }, tx, cancellationToken: ct));
}
