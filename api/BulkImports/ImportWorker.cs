using Dapper;
using Npgsql;
using Registry.Api.Data;
using Registry.Api.Taxonomy;

namespace Registry.Api.BulkImports;

/// <summary>
/// Runs queued imports, one at a time per process, any number of processes. Taking an import marks it running, with
/// this worker's name and a lease (Imports:LeaseSeconds, default 120) that the worker renews while it runs; the file
/// is then read and checked again and its rows written with its final status in one transaction, which commits only
/// while the import is still this worker's. A failure rolls everything back and records why. An import whose lease
/// ran out — its process died or lost the database — is taken over by the next worker that looks.
/// </summary>
public sealed class ImportWorker(IServiceProvider services, ImportRunner runner, TaxonomyCatalog taxonomy, IConfiguration configuration, ILogger<ImportWorker> logger)
    : BackgroundService
{
    // Resolved on first use, so that a host that never touches the database (writing openapi.yaml) needs none.
    private NpgsqlDataSource Db => services.GetRequiredService<NpgsqlDataSource>();

    private TimeSpan Lease => TimeSpan.FromSeconds(configuration.GetValue("Imports:LeaseSeconds", 120));

    /// <summary>This worker's name in imports.worker: the host, the process and this instance.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => WorkerRounds.RunAsync(
        services, "Import worker", TimeSpan.FromMilliseconds(configuration.GetValue("Imports:PollMilliseconds", 500)), RunNextAsync, logger, stoppingToken);

    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var connection = await Db.OpenConnectionAsync(ct);
        var job = await connection.QuerySingleOrDefaultAsync<(Guid Id, Guid ClientId, string MediaType, string? Charset, byte[] Body)?>(new CommandDefinition("""
            UPDATE imports SET status = 'running', worker = @worker, lease_until = now() + @lease, started_at = now()
            WHERE id = (
                SELECT id FROM imports
                WHERE status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < now()))
                ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, client_id, media_type, charset, body
            """, new { worker = Name, lease = Lease }, cancellationToken: ct));
        if (job is not { } import)
        {
            return false;
        }

        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewLeaseAsync(import.Id, renewal.Token);
        try
        {
            await RunAsync(connection, import.Id, import.ClientId, import.MediaType, import.Charset, import.Body, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping: give the import back rather than leave it to wait for the lease to run out.
            await using var release = await Db.OpenConnectionAsync(CancellationToken.None);
            await release.ExecuteAsync(
                "UPDATE imports SET status = 'queued', worker = NULL, lease_until = NULL WHERE id = @id AND worker = @worker AND status = 'running'",
                new { id = import.Id, worker = Name });
            throw;
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }

        return true;
    }

    private async Task RunAsync(NpgsqlConnection connection, Guid id, Guid client, string mediaType, string? charset, byte[] body, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            var (raw, _, problem) = ImportsApi.Read(body, mediaType, charset);
            var (rows, errors) = ImportFile.Validate(raw, taxonomy);
            if (problem is not null || errors.Count > 0)
            {
                throw new InvalidDataException(problem ?? $"{errors.Count} row problem(s), first: row {errors[0].Row} {errors[0].Column}: {errors[0].Message}");
            }

            var columns = raw.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToArray();
            var result = await runner.ApplyAsync(connection, tx, client, id, rows, checkDuplicates: true, columns, ct);
            var finished = await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE imports SET status = 'succeeded', created = @Created, updated = @Updated, flagged = @Flagged, body = NULL,
                    lease_until = NULL, finished_at = clock_timestamp()
                WHERE id = @id AND worker = @worker AND status = 'running'
                """, new { id, worker = Name, result.Created, result.Updated, result.Flagged }, tx, cancellationToken: ct));
            if (finished == 0)
            {
                // Another worker took the import over (this one's lease ran out): its run counts, this one's does not.
                await tx.RollbackAsync(ct);
                logger.LogWarning("Import {Import} was taken over by another worker; this run is rolled back", id);
                return;
            }

            await tx.CommitAsync(ct);
        }
        // A database error (a constraint) or anything else would fail the same way again: the import fails and says
        // why (the details of an unexpected error stay in the log). An unreachable database is not the import's
        // fault: the lease runs out and a worker runs it again.
        catch (Exception ex) when (!ct.IsCancellationRequested && !DatabaseOutage.Is(ex))
        {
            await tx.RollbackAsync(ct);
            logger.LogWarning(ex, "Import {Import} failed; nothing was written", id);
            var problem = ex is NpgsqlException or InvalidDataException
                ? ex.Message
                : "The import could not be run because of an error in the service; nothing was written. Operators find it in the log.";
            await using var failed = await Db.OpenConnectionAsync(ct);
            await failed.ExecuteAsync(new CommandDefinition("""
                UPDATE imports SET status = 'failed', problem = @problem, body = NULL, lease_until = NULL, finished_at = now()
                WHERE id = @id AND worker = @worker
                """, new { id, worker = Name, problem = problem.Length > 500 ? problem[..500] : problem }, cancellationToken: ct));
        }
    }

    /// <summary>Keeps the lease a third of its length ahead of running out while the import runs.</summary>
    private async Task RenewLeaseAsync(Guid id, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Lease / 3, services.GetRequiredService<TimeProvider>());
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await using var connection = await Db.OpenConnectionAsync(ct);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE imports SET lease_until = now() + @lease WHERE id = @id AND worker = @worker AND status = 'running'",
                    new { id, worker = Name, lease = Lease }, cancellationToken: ct));
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex))
        {
            // Without the database the run cannot finish either; the lease runs out and another worker takes over.
            logger.LogWarning("Import {Import}: the lease could not be renewed ({Message})", id, ex.Message);
        }
    }
}
