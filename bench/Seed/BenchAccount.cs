using Dapper;
using Npgsql;
using Registry.Api.Auth;

namespace Registry.Seed;

/// <summary>
/// A member account for the benchmark's signed-in operations (matching): created, or its password reset, on the
/// synthetic database only. An ordinary account, not a demo one, so that the service starts in Production.
/// </summary>
public static class BenchAccount
{
    public static async Task<int> EnsureMemberAsync(NpgsqlDataSource db, string email, string? password)
    {
        if (!email.EndsWith(SyntheticOnly.EmailDomain, StringComparison.Ordinal) || password is not { Length: >= Passwords.MinLength })
        {
            await Console.Error.WriteLineAsync($"--member needs an address ending in {SyntheticOnly.EmailDomain} and REGISTRY_SEED_MEMBER_PASSWORD of {Passwords.MinLength}+ characters");
            return 2;
        }

        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO accounts (id, email, display_name, role, organisation, password_hash)
            VALUES (@id, @email, 'Benchmark buyer', 'member', 'synthetic', @hash)
            ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash
            """, new { id = Guid.CreateVersion7(), email, hash = new Passwords().Hash(password) });
        return 0;
    }
}
