using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Registry.Api.BulkImports;
using Registry.Contracts.BulkImports;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// An import being run says so (running, by which worker, until when); one whose worker's lease ran out is taken over
/// by another worker, one whose lease is alive is left to its worker.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class ImportLeaseTests(RegistryApiFactory api)
{
    [Fact]
    public async Task AWorkerMarksTheImportItRunsWithItsNameAndLease()
    {
        var (integrator, _, run) = await IntegratorAsync();
        using (integrator)
        {
            using var accepted = await ImportFiles.PostAsync(integrator, "/api/v1/imports", Csv(run, "fresh"), "text/csv");
            var job = await ImportFiles.FinishedAsync(integrator, accepted.Headers.Location!.ToString());

            var row = await RowAsync(job.Id);
            Assert.Equal(("succeeded", WorkerName), (row.Status, row.Worker));
            Assert.NotNull(row.StartedAt);
            Assert.Null(row.LeaseUntil);
        }
    }

    [Fact]
    public async Task AnImportWhoseLeaseRanOutIsTakenOverAndOneWhoseLeaseLivesIsNot()
    {
        var (integrator, client, run) = await IntegratorAsync();
        using (integrator)
        {
            // Two imports their workers left running: one died ten minutes ago, one is busy for another hour.
            var stale = await InsertRunningAsync(client, Csv(run, "stale"), "gone-host:1:dead", "now() - interval '1 minute'");
            var alive = await InsertRunningAsync(client, Csv(run, "alive"), "busy-host:2:alive", "now() + interval '1 hour'");

            // A fresh import queued after both: once it has run, the worker has looked at both of them.
            using var accepted = await ImportFiles.PostAsync(integrator, "/api/v1/imports", Csv(run, "fresh"), "text/csv");
            await ImportFiles.FinishedAsync(integrator, accepted.Headers.Location!.ToString());
            var takenOver = await ImportFiles.FinishedAsync(integrator, $"/api/v1/imports/{stale}");

            Assert.Equal((ImportStatus.Succeeded, 1), (takenOver.Status, takenOver.Created!.Value));
            Assert.Equal(("succeeded", WorkerName), ((await RowAsync(stale)).Status, (await RowAsync(stale)).Worker));
            var left = await RowAsync(alive);
            Assert.Equal(("running", "busy-host:2:alive"), (left.Status, left.Worker));
            using var status = await integrator.GetAsync($"/api/v1/imports/{alive}");
            Assert.Equal(ImportStatus.Running, (await status.ReadJsonAsync<ImportJob>())!.Status);
            Assert.Equal(["fresh", "stale"], await SitesAsync(run));

            // Its worker "dies" too: once the lease has run out, the import is taken over and runs.
            await ExecuteAsync("UPDATE imports SET lease_until = now() - interval '1 second' WHERE id = @alive", new { alive });
            await ImportFiles.FinishedAsync(integrator, $"/api/v1/imports/{alive}");
            Assert.Equal(["alive", "fresh", "stale"], await SitesAsync(run));
        }
    }

    private string WorkerName => api.Services.GetServices<IHostedService>().OfType<ImportWorker>().Single().Name;

    private static byte[] Csv(string run, string name) =>
        Encoding.UTF8.GetBytes($"externalId,nameJa,prefectureCode\n{run}-{name},リース{name}工業,41\n");

    private async Task<(HttpClient Integrator, Guid Client, string Run)> IntegratorAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var integrator = await TestAccounts.IntegratorAsync(api, "リース工業会 " + run, "suppliers:import");
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        var client = await connection.QuerySingleAsync<Guid>("SELECT id FROM api_clients WHERE name = @name", new { name = "リース工業会 " + run });
        return (integrator, client, run);
    }

    private async Task<Guid> InsertRunningAsync(Guid client, byte[] body, string worker, string leaseUntil)
    {
        var id = Guid.CreateVersion7();
        await ExecuteAsync($"""
            INSERT INTO imports (id, client_id, status, media_type, charset, body, rows, created_at, started_at, worker, lease_until)
            VALUES (@id, @client, 'running', 'text/csv', 'utf-8', @body, 1, now() - interval '10 minutes', now() - interval '10 minutes', @worker, {leaseUntil})
            """, new { id, client, body, worker });
        return id;
    }

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.ExecuteAsync(sql, args);
    }

    private async Task<(string Status, string? Worker, DateTimeOffset? StartedAt, DateTimeOffset? LeaseUntil)> RowAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        return await connection.QuerySingleAsync<(string, string?, DateTimeOffset?, DateTimeOffset?)>(
            "SELECT status, worker, started_at, lease_until FROM imports WHERE id = @id", new { id });
    }

    private async Task<List<string>> SitesAsync(string run)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        return [.. (await connection.QueryAsync<string>(
            "SELECT substr(external_id, 10) FROM suppliers WHERE external_id LIKE @run || '-%' ORDER BY external_id", new { run }))];
    }
}
