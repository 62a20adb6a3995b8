using Dapper;
using Npgsql;
using Registry.Api.Accounts;
using Registry.Api.Auth;
using Registry.Contracts.Accounts;

namespace Registry.Api.Demo;

/// <summary>
/// The demo accounts of scripts/run (listed in README.md). They exist only in Development; anywhere else start-up
/// refuses to run while any of them is still active, because their passwords are public.
/// </summary>
public sealed class DemoAccounts(Passwords passwords)
{
    public sealed record Person(Guid Id, string Email, string DisplayName, AccountRole Role, string Organisation, string Password);

    public static readonly IReadOnlyList<Person> People =
    [
        new(Guid.Parse("019a0000-0000-7000-8000-000000000001"), "admin@registry.example", "運用管理者 (Admin)", AccountRole.Admin, "市 産業振興課", "demo-admin-password"),
        new(Guid.Parse("019a0000-0000-7000-8000-000000000002"), "coordinator@registry.example", "地域 コーディネーター", AccountRole.Coordinator, "市 産業振興課", "demo-coordinator-password"),
        new(Guid.Parse("019a0000-0000-7000-8000-000000000003"), "supplier1@registry.example", "精密加工 担当者", AccountRole.Supplier, "デモ精密工業", "demo-supplier1-password"),
        new(Guid.Parse("019a0000-0000-7000-8000-000000000004"), "supplier2@registry.example", "表面処理 担当者", AccountRole.Supplier, "デモ表面処理", "demo-supplier2-password"),
        new(Guid.Parse("019a0000-0000-7000-8000-000000000005"), "buyer@registry.example", "調達 担当者", AccountRole.Member, "デモ機械製作所", "demo-buyer-password"),
        // The firms of the demo buyer's open 4-step request's chain that have accounts (DemoOrders): forging, turning, plating.
        new(Guid.Parse("019a0000-0000-7000-8000-000000000006"), "supplier3@registry.example", "鍛造 担当者", AccountRole.Supplier, "デモ鍛造", "demo-supplier3-password"),
        new(Guid.Parse("019a0000-0000-7000-8000-000000000007"), "supplier4@registry.example", "旋削 担当者", AccountRole.Supplier, "デモ旋削", "demo-supplier4-password"),
        new(Guid.Parse("019a0000-0000-7000-8000-000000000008"), "supplier5@registry.example", "めっき 担当者", AccountRole.Supplier, "デモめっき", "demo-supplier5-password"),
    ];

    public static readonly Guid IntegratorClientId = Guid.Parse("019a0000-0000-7000-8000-0000000000c1");
    public const string IntegratorSecret = "rcs_demo-integrator-secret";

    /// <summary>Creates the demo accounts and client when the database has no account yet.</summary>
    public async Task EnsureAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM accounts)", transaction: tx, cancellationToken: ct)))
        {
            return;
        }

        foreach (var person in People)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO accounts (id, email, display_name, role, organisation, password_hash, is_demo)
                VALUES (@Id, @Email, @DisplayName, @role, @Organisation, @hash, true)
                """,
                new { person.Id, person.Email, person.DisplayName, role = AccountsApi.RoleName(person.Role), person.Organisation, hash = passwords.Hash(person.Password) },
                tx, cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO api_clients (id, name, organisation, scopes, secret_hash, is_demo)
            VALUES (@id, 'デモ工業会 連携 (demo integrator)', 'デモ工業会', @scopes, @hash, true)
            """,
            new { id = IntegratorClientId, scopes = Scopes.All.ToArray(), hash = AuthApi.HashSecret(IntegratorSecret) },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>How many demo credentials are still active (must be 0 outside Development).</summary>
    public static Task<long> ActiveCountAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM accounts WHERE is_demo AND disabled_at IS NULL)
                 + (SELECT count(*) FROM api_clients WHERE is_demo AND revoked_at IS NULL)
            """, cancellationToken: ct));
}
