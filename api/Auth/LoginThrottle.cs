using Dapper;
using Npgsql;

namespace Registry.Api.Auth;

/// <summary>
/// Failed sign-ins are counted per account (email) and per address in PostgreSQL, so every API process sees the same
/// count. Over the limit, sign-in is refused until the oldest failure in the window has aged out.
/// </summary>
public sealed class LoginThrottle(AuthOptions options, TimeProvider clock)
{
    public static string AccountKey(string email) => "account:" + email;

    public static string AddressKey(HttpContext context) => "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>How long to wait before trying again, or null when sign-in may be attempted now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(NpgsqlConnection connection, string accountKey, string addressKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(options.LoginWindowMinutes);
        var rows = await connection.QueryAsync<(string Key, long Failures, DateTimeOffset Oldest)>(new CommandDefinition("""
            SELECT key, count(*), min(failed_at) FROM login_failures
            WHERE key = ANY(@keys) AND failed_at > @since
            GROUP BY key
            """, new { keys = new[] { accountKey, addressKey }, since = now - window }, cancellationToken: ct));

        TimeSpan? wait = null;
        foreach (var (key, failures, oldest) in rows)
        {
            var limit = key == accountKey ? options.LoginFailuresPerAccount : options.LoginFailuresPerAddress;
            if (failures >= limit)
            {
                var until = oldest + window - now;
                wait = wait is null || until > wait ? until : wait;
            }
        }

        return wait;
    }

    public Task RecordFailureAsync(NpgsqlConnection connection, string accountKey, string addressKey, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO login_failures (key, failed_at) SELECT unnest(@keys), @now;
            DELETE FROM login_failures WHERE failed_at < @expired;
            """,
            new { keys = new[] { accountKey, addressKey }, now = clock.GetUtcNow(), expired = clock.GetUtcNow() - TimeSpan.FromDays(1) },
            cancellationToken: ct));

    public Task ForgetAsync(NpgsqlConnection connection, string accountKey, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM login_failures WHERE key = @accountKey", new { accountKey }, cancellationToken: ct));
}
