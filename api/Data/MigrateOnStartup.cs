using Npgsql;

namespace Registry.Api.Data;

/// <summary>
/// Applies migrations when the service starts. The database may come up after the service (or be restarted), so an
/// unreachable database is retried with growing pauses; /readyz says 503 meanwhile. A failing script is a bug in the
/// script: it is logged and not retried.
/// </summary>
public sealed class MigrateOnStartup(IServiceProvider services, IConfiguration configuration, ILogger<MigrateOnStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off only where no database is wanted, such as writing openapi.yaml.
        if (!configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            services.GetRequiredService<StartupData>().Prepared = true;
            return;
        }

        // Resolved only now, so that a host which does not migrate needs no connection string at all.
        var runner = services.GetRequiredService<MigrationRunner>();
        var pause = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.ApplyAsync(stoppingToken);
                logger.LogInformation("Database migrations are current");
                await PrepareDataAsync(stoppingToken);
                services.GetRequiredService<StartupData>().Prepared = true;
                return;
            }
            catch (MigrationFailedException ex)
            {
                logger.LogError(ex, "Migration {Script} failed; the service stays not ready", ex.Script);
                return;
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not reachable yet ({Message}); retrying in {Pause}", ex.Message, pause);
                await Task.Delay(pause, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    /// <summary>The data features write once the migrations are current (the demo region in Development), in order.</summary>
    private async Task PrepareDataAsync(CancellationToken ct)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
        foreach (var step in services.GetServices<StartupStep>())
        {
            await step.RunAsync(services, connection, ct);
        }
    }
}

/// <summary>
/// Data a feature writes when the service starts, after the migrations and before the workers (registered by the
/// feature: Demo's accounts, region and clusters). Data knows no feature; features add their steps.
/// </summary>
public sealed record StartupStep(string Name, Func<IServiceProvider, NpgsqlConnection, CancellationToken, Task> RunAsync);

/// <summary>Whether the data a start writes after the migrations (demo accounts, region, clusters) is there yet.</summary>
public sealed class StartupData
{
    public bool Prepared { get; set; }

    /// <summary>For background workers: returns once the migrations and start-up data are in place.</summary>
    public static async Task WaitAsync(IServiceProvider services, CancellationToken ct)
    {
        var startup = services.GetRequiredService<StartupData>();
        while (!startup.Prepared && !ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Why start-up refused to serve, if it did; the process then exits with code 1.</summary>
public sealed class StartupRefusal
{
    public string? Reason { get; set; }

    public int ExitCode => Reason is null ? 0 : 1;

    /// <summary>Serves until stopped; the exit code says whether start-up refused to serve.</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        // Resolved before running: after RunAsync returns, the container is disposed.
        var refusal = app.Services.GetRequiredService<StartupRefusal>();
        await app.RunAsync();
        return refusal.ExitCode;
    }
}
