using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Dapper;
using Npgsql;

namespace Registry.Api.Auth;

/// <summary>
/// Which access tokens no longer count, although their signature and lifetime are fine: those of an account or API
/// client whose security version moved since (disabled, demoted, new password, client revoked or re-keyed) and those
/// of a sign-in that ended (logout, refresh-token reuse). Kept in memory, so checking a token costs no database round
/// trip; <see cref="RevocationFollower"/> loads it and follows <c>NOTIFY security_changed</c>, sent in the writing
/// transaction, so every process learns of a revocation as it commits.
/// </summary>
public sealed class Revocations(AuthOptions options, TimeProvider clock)
{
    public const string Channel = "security_changed";

    private readonly ConcurrentDictionary<Guid, int> _versions = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _endedSessions = new();
    private volatile bool _loaded;

    public bool IsLoaded => _loaded;

    /// <summary>How long an ended sign-in is remembered: as long as an access token of it can still be valid.</summary>
    public TimeSpan Memory => options.AccessTokenLifetime + TimeSpan.FromMinutes(1);

    /// <summary>False for a token of a subject whose security version moved since, or of a sign-in that ended.</summary>
    public bool Accepts(ClaimsPrincipal user)
    {
        if (Guid.TryParse(user.FindFirst(Claims.Subject)?.Value, out var subject) && _versions.TryGetValue(subject, out var current)
            && SecurityVersion(user) < current)
        {
            return false;
        }

        return !(Guid.TryParse(user.FindFirst(Claims.Session)?.Value, out var session) && _endedSessions.ContainsKey(session));
    }

    /// <summary>Tokens issued before this version (the claim is absent on older tokens: version 1) are refused.</summary>
    public static int SecurityVersion(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirst(Claims.SecurityVersion)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 1;

    /// <summary>Moves the account's or client's security version and tells every process when the transaction commits.</summary>
    public static async Task<int> EndTokensOfAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string table, Guid subject, CancellationToken ct)
    {
        var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"UPDATE {table} SET security_version = security_version + 1 WHERE id = @subject RETURNING security_version",
            new { subject }, tx, cancellationToken: ct));
        await NotifyAsync(connection, tx, SubjectPayload(subject, version), ct);
        return version;
    }

    /// <summary>Tells every process, when the transaction commits, that the sign-in (refresh-token family) ended.</summary>
    public static Task EndSessionAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid family, CancellationToken ct) =>
        NotifyAsync(connection, tx, SessionPayload(family), ct);

    /// <summary>The writing process applies its own revocation before it answers (others learn it from the notification).</summary>
    public void SubjectMoved(Guid subject, int version) => Apply(SubjectPayload(subject, version));

    /// <inheritdoc cref="SubjectMoved"/>
    public void SessionEnded(Guid family) => Apply(SessionPayload(family));

    private static string SubjectPayload(Guid subject, int version) => $"subject:{subject}:{version.ToString(CultureInfo.InvariantCulture)}";

    private static string SessionPayload(Guid family) => $"session:{family}";

    private static Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string payload, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_notify(@channel, @payload)", new { channel = Channel, payload }, tx, cancellationToken: ct));

    /// <summary>Applies one notification (also called by the writing process itself right after its commit).</summary>
    internal void Apply(string payload)
    {
        var parts = payload.Split(':');
        if (parts is ["subject", var s, var v] && Guid.TryParse(s, out var subject)
            && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            _versions.AddOrUpdate(subject, version, (_, known) => Math.Max(known, version));
        }
        else if (parts is ["session", var f] && Guid.TryParse(f, out var family))
        {
            _endedSessions[family] = clock.GetUtcNow();
        }
    }

    /// <summary>Replaces everything with what the database says (at start-up and after the listener reconnected).</summary>
    public async Task LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var versions = await connection.QueryAsync<(Guid Id, int Version)>(new CommandDefinition("""
            SELECT id, security_version FROM accounts WHERE security_version > 1
            UNION ALL
            SELECT id, security_version FROM api_clients WHERE security_version > 1
            """, cancellationToken: ct));
        var since = clock.GetUtcNow() - Memory;
        var ended = await connection.QueryAsync<(Guid Family, DateTimeOffset At)>(new CommandDefinition(
            "SELECT family_id, max(revoked_at) FROM refresh_tokens WHERE revoked_at > @since GROUP BY family_id", new { since }, cancellationToken: ct));
        foreach (var (id, version) in versions)
        {
            _versions.AddOrUpdate(id, version, (_, known) => Math.Max(known, version));
        }

        foreach (var (family, at) in ended)
        {
            _endedSessions[family] = at;
        }

        _loaded = true;
    }

    /// <summary>Forgets ended sign-ins whose access tokens have all expired.</summary>
    public void Prune()
    {
        var horizon = clock.GetUtcNow() - Memory;
        foreach (var (family, at) in _endedSessions)
        {
            if (at < horizon)
            {
                _endedSessions.TryRemove(family, out _);
            }
        }
    }
}

/// <summary>Loads <see cref="Revocations"/> and follows it, like the search index follows sites.</summary>
public sealed class RevocationFollower(Revocations revocations, IServiceProvider services, IConfiguration configuration, ILogger<RevocationFollower> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(configuration.GetConnectionString("Registry")) || !configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            return;
        }

        var pause = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or PostgresException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Revocations: database unavailable ({Message}); reloading in {Pause}", ex.Message, pause);
                await Task.Delay(pause, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private async Task FollowAsync(CancellationToken ct)
    {
        await using var listener = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
        listener.Notification += (_, e) => revocations.Apply(e.Payload);
        // Listen before loading, so that nothing committed during the load is missed.
        await listener.ExecuteAsync(new CommandDefinition($"LISTEN {Revocations.Channel}", cancellationToken: ct));
        var migrations = services.GetRequiredService<Data.MigrationRunner>();
        while ((await migrations.PendingAsync(listener, ct)).Count > 0)
        {
            await Task.Delay(200, ct);
        }

        await revocations.LoadAsync(listener, ct);
        while (!ct.IsCancellationRequested)
        {
            revocations.Prune();
            await listener.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
    }
}
