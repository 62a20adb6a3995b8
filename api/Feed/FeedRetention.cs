using Dapper;
using Npgsql;

namespace Registry.Api.Feed;

/// <summary>
/// Removes events older than Feed:RetentionDays (at least 90, DESIGN §8) once an hour, in commit order, and moves the
/// feed's horizon to the last one removed: a cursor before it gets 410 (FeedApi).
/// </summary>
public sealed class FeedRetention(IServiceProvider services, IConfiguration configuration, ILogger<FeedRetention> logger) : BackgroundService
{
    public const int MinimumDays = 90;

    private const int Batch = 10_000;

    private NpgsqlDataSource Db => services.GetRequiredService<NpgsqlDataSource>();

    public int Days => Math.Max(MinimumDays, configuration.GetValue("Feed:RetentionDays", MinimumDays));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Data.WorkerRounds.RunAsync(
        services, "Feed retention", TimeSpan.FromHours(1), async ct => { await PurgeAsync(ct); return false; }, logger, stoppingToken);

    /// <summary>Removes the expired events (a batch at a time) and returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var removed = 0;
        while (true)
        {
            await using var connection = await Db.OpenConnectionAsync(ct);
            var batch = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
                WITH gone AS (
                    DELETE FROM events WHERE id IN (
                        SELECT id FROM events WHERE occurred_at < now() - make_interval(days => @days)
                            AND txid < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY txid, id LIMIT @batch)
                    RETURNING txid, id),
                last AS (SELECT txid, id FROM gone ORDER BY txid DESC, id DESC LIMIT 1),
                moved AS (
                    UPDATE feed_horizon h SET txid = last.txid, event_id = last.id FROM last
                    WHERE (last.txid, last.id) > (h.txid, h.event_id) RETURNING 1)
                SELECT count(*)::int FROM gone
                """, new { days = Days, batch = Batch }, cancellationToken: ct, commandTimeout: 300));
            removed += batch;
            if (batch < Batch)
            {
                return removed;
            }
        }
    }
}
