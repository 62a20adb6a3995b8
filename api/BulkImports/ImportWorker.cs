using Dapper;
using Npgsql;
using Registry.Api.Taxonomy;

namespace Registry.Api.BulkImports;

/// <summary>
/// Runs queued imports, one at a time per process, any number of processes: an import is claimed with
/// FOR UPDATE SKIP LOCKED, its file read and checked again, and its rows written with its status in one transaction.
/// A failure rolls everything back and records why; an import left running by a process that died is taken up again.
/// </summary>
public sealed class ImportWorker(IServiceProvider services, ImportRunner runner, TaxonomyCatalog taxonomy, IConfiguration configuration, ILogger<ImportWorker> logger)
    : BackgroundService
{
    // Resolved on first use, so that a host that never touches the database (writing openapi.yaml) needs none.
    private NpgsqlDataSource Db => services.GetRequiredService<NpgsqlDataSource>();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Data.WorkerRounds.RunAsync(
        services, "Import worker", TimeSpan.FromMilliseconds(configuration.GetValue("Imports:PollMilliseconds", 500)), RunNextAsync, logger, stoppingToken);

    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var connection = await Db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var job = await connection.QuerySingleOrDefaultAsync<(Guid Id, Guid ClientId, string MediaType, string? Charset, byte[] Body)?>(new CommandDefinition("""
            SELECT id, client_id, media_type, charset, body FROM imports
            WHERE status = 'queued' OR (status = 'running' AND started_at < now() - interval '30 minutes')
            ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
            """, transaction: tx, cancellationToken: ct));
        if (job is not { } import)
        {
            return false;
        }

        try
        {
            var (raw, _, problem) = ImportsApi.Read(import.Body, import.MediaType, import.Charset);
            var (rows, errors) = ImportFile.Validate(raw, taxonomy);
            if (problem is not null || errors.Count > 0)
            {
                throw new InvalidDataException(problem ?? $"{errors.Count} row problem(s), first: row {errors[0].Row} {errors[0].Column}: {errors[0].Message}");
            }

            var columns = raw.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToArray();
            var result = await runner.ApplyAsync(connection, tx, import.ClientId, import.Id, rows, checkDuplicates: true, columns, ct);
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE imports SET status = 'succeeded', created = @Created, updated = @Updated, flagged = @Flagged, body = NULL,
                    started_at = coalesce(started_at, now()), finished_at = clock_timestamp()
                WHERE id = @id
                """, new { import.Id, result.Created, result.Updated, result.Flagged }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return true;
        }
        // A database error (a constraint, a timeout) or anything else would fail the same way again: the import fails
        // and says why (the details of an unexpected error stay in the log).
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await tx.RollbackAsync(ct);
            logger.LogWarning(ex, "Import {Import} failed; nothing was written", import.Id);
            var problem = ex is NpgsqlException or InvalidDataException
                ? ex.Message
                : "The import could not be run because of an error in the service; nothing was written. Operators find it in the log.";
            await using var failed = await Db.OpenConnectionAsync(ct);
            await failed.ExecuteAsync(new CommandDefinition("""
                UPDATE imports SET status = 'failed', problem = @problem, body = NULL, finished_at = now() WHERE id = @id
                """, new { import.Id, problem = problem.Length > 500 ? problem[..500] : problem }, cancellationToken: ct));
            return true;
        }
    }
}
