using System.Security.Claims;
using Npgsql;
using Polly;
using Polly.Retry;
using Registry.Api.Auth;

namespace Registry.Api.Data;

/// <summary>
/// Where read-only work goes. With ConnectionStrings:RegistryRead set (an Npgsql multi-host string, standby first,
/// Target Session Attributes=prefer-standby), reads open on a standby and writes stay on the primary; without it,
/// everything uses the primary. Callers who write supplier data (suppliers, coordinators, admins) read from the
/// primary, so that their next read shows their write even while a standby lags. A standby that goes away
/// mid-request breaks its pooled connections: the read is retried on a fresh one, which Npgsql opens on the next
/// host, so reads fall back to the primary without an error.
/// </summary>
public sealed class ReadDatabase
{
    public const string ConnectionName = "RegistryRead";

    private readonly NpgsqlDataSource _primary;
    private readonly NpgsqlDataSource? _replica;
    private readonly ResiliencePipeline _fallback;

    public ReadDatabase(NpgsqlDataSource primary, IConfiguration configuration, ILogger<ReadDatabase> logger)
    {
        _primary = primary;
        if (configuration.GetConnectionString(ConnectionName) is { Length: > 0 } read)
        {
            _replica = DatabaseSetup.CreateDataSource(read);
        }

        _fallback = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.Zero,
                OnRetry = args =>
                {
                    // Idle connections to a stopped standby are all dead: drop them so that the retry connects afresh.
                    _replica?.Clear();
                    logger.LogWarning("Read replica failed ({Message}); retrying on a fresh connection", args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public bool HasReplica => _replica is not null;

    /// <summary>Runs a read on the replica (or the primary for writers and when there is none).</summary>
    public async Task<T> ReadAsync<T>(ClaimsPrincipal user, Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        if (_replica is null || Writes(user))
        {
            await using var connection = await _primary.OpenConnectionAsync(ct);
            return await read(connection, ct);
        }

        return await _fallback.ExecuteAsync(async token =>
        {
            await using var connection = await _replica.OpenConnectionAsync(token);
            return await read(connection, token);
        }, ct);
    }

    private static bool Writes(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Supplier) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin));
}
