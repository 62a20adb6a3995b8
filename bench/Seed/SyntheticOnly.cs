using Dapper;
using Npgsql;

namespace Registry.Seed;

/// <summary>The generator replaces all sites; it only does so where every site is one of its own (or there are none).</summary>
public static class SyntheticOnly
{
    public const string EmailDomain = "@synthetic.registry.example";

    public static async Task<bool> HoldsOnlySyntheticSitesAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return !await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM suppliers WHERE contact_email IS NULL OR contact_email NOT LIKE '%' || @domain)",
            new { domain = EmailDomain });
    }
}
