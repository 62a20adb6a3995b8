using Dapper;
using Npgsql;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>What is in every data table, as a row count and a digest of the rows: equal states mean nothing was written.</summary>
public static class DatabaseState
{
    public static async Task<SortedDictionary<string, string>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // PostGIS's reference table is large and never written.
        var tables = await connection.QueryAsync<string>("""
            SELECT format('%I', tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys' ORDER BY 1
            """);
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // The name comes quoted from the catalog: an identifier, not a value.
            state[table] = await connection.QuerySingleAsync<string>(
                $"SELECT count(*) || ' rows, digest ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM {table} t");
        }

        return state;
    }

    /// <summary>The state once background work (the webhook fan-out, the feed's retention) has stopped moving it.</summary>
    public static async Task<SortedDictionary<string, string>> SettledAsync(string connectionString, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var state = await TakeAsync(connectionString);
        while (true)
        {
            await Task.Delay(300);
            var next = await TakeAsync(connectionString);
            if (next.SequenceEqual(state) || DateTime.UtcNow > deadline)
            {
                return next;
            }

            state = next;
        }
    }

    /// <summary>How many audit entries and events there are: every write of the service adds to both.</summary>
    public static async Task<(long Audit, long Events)> WritesAsync(NpgsqlConnection connection) =>
        await connection.QuerySingleAsync<(long, long)>("SELECT (SELECT count(*) FROM audit_log), (SELECT count(*) FROM events)");
}
