using Dapper;
using Npgsql;

namespace Registry.Api.Auth;

/// <summary>
/// Failed sign-ins are counted in PostgreSQL, so every API process sees the same counts, under three keys (docs/auth.md
/// has the rules): the address, the account from that address, and the account from anywhere. The first two pause
/// sign-in until the oldest failure in the window has aged out. The account's own count only ever slows sign-in down
/// by a growing delay after its latest failure: anyone can fail for an account from any number of addresses, so a
/// long pause there would let anyone lock its owner out.
/// </summary>
public sealed class LoginThrottle(AuthOptions options, TimeProvider clock)
{
    public static readonly TimeSpan FirstAccountDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LongestAccountDelay = TimeSpan.FromMinutes(5);

    /// <summary>The keys one sign-in attempt is counted under.</summary>
    public sealed record Keys(string Account, string Address, string AccountAtAddress);

    public static Keys KeysFor(string email, HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return new Keys("account:" + email, "address:" + address, "account-at-address:" + address + "/" + email);
    }

    /// <summary>
    /// The wait after the latest of an account's failures (from anywhere): none below the threshold, then 1 s after the
    /// threshold-th failure, doubling with each further one, at most 5 minutes.
    /// </summary>
    public static TimeSpan? AccountDelay(long failures, int threshold)
    {
        if (failures < threshold)
        {
            return null;
        }

        // Past 2^9 s the cap applies anyway; the bound keeps the shift from overflowing.
        var doublings = (int)Math.Min(failures - threshold, 16);
        var delay = FirstAccountDelay * (1L << doublings);
        return delay < LongestAccountDelay ? delay : LongestAccountDelay;
    }

    /// <summary>How long to wait before trying again, or null when sign-in may be attempted now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(NpgsqlConnection connection, Keys keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(options.LoginWindowMinutes);
        var rows = await connection.QueryAsync<(string Key, long Failures, DateTimeOffset Oldest, DateTimeOffset Latest)>(new CommandDefinition("""
            SELECT key, count(*), min(failed_at), max(failed_at) FROM login_failures
            WHERE key = ANY(@keys) AND failed_at > CASE WHEN key = @account THEN @accountSince ELSE @since END
            GROUP BY key
            """,
            new
            {
                keys = new[] { keys.Account, keys.Address, keys.AccountAtAddress },
                account = keys.Account,
                accountSince = now - TimeSpan.FromMinutes(options.LoginAccountWindowMinutes),
                since = now - window,
            },
            cancellationToken: ct));

        TimeSpan? wait = null;
        foreach (var (key, failures, oldest, latest) in rows)
        {
            var limit = key == keys.Address ? options.LoginFailuresPerAddress : options.LoginFailuresPerAccountAndAddress;
            TimeSpan? until = key == keys.Account
                ? latest + AccountDelay(failures, options.LoginFailuresPerAccount) - now
                : failures >= limit ? oldest + window - now : null;
            if (until > TimeSpan.Zero && (wait is null || until > wait))
            {
                wait = until;
            }
        }

        return wait;
    }

    public Task RecordFailureAsync(NpgsqlConnection connection, Keys keys, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO login_failures (key, failed_at) SELECT unnest(@keys), @now;
            DELETE FROM login_failures WHERE failed_at < @expired;
            """,
            new
            {
                keys = new[] { keys.Account, keys.Address, keys.AccountAtAddress },
                now = clock.GetUtcNow(),
                expired = clock.GetUtcNow() - TimeSpan.FromDays(1),
            },
            cancellationToken: ct));

    /// <summary>
    /// After a successful sign-in, that address's failures for the account are forgotten; the account's count from
    /// anywhere is not, or the owner signing in would hand a guesser a fresh allowance.
    /// </summary>
    public Task ForgetAsync(NpgsqlConnection connection, Keys keys, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM login_failures WHERE key = @key", new { key = keys.AccountAtAddress }, cancellationToken: ct));
}
