using Dapper;
using Npgsql;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Reads what the outbox holds for a resource, straight from the events table, in commit order.</summary>
public static class Outboxed
{
    public sealed class Row
    {
        public string Type { get; init; } = "";
        public Guid? SupplierId { get; init; }
        public int? Version { get; init; }
        public string Visibility { get; init; } = "";
        public string[] Changed { get; init; } = [];
        public string? Payload { get; init; }
    }

    public static async Task<List<Row>> OfAsync(RegistryApiFactory api, Guid resourceId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        return [.. await connection.QueryAsync<Row>("""
            SELECT type, supplier_id AS "SupplierId", version, visibility, changed, payload::text AS payload
            FROM events WHERE resource_id = @resourceId ORDER BY txid, id
            """, new { resourceId })];
    }
}
