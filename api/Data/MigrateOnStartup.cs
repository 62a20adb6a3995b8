using Npgsql;
using Registry.Api.Demo;

namespace Registry.Api.Data;

/// <summary>
/// Applies migrations when the service starts. The database may come up after the service (or be restarted), so an
/// unreachable database is retried with growing pauses; /readyz says 503 meanwhile. A failing script is a bug in the
/// script: it is logged and not retried.
/// </summary>
public sealed class MigrateOnStartup(
    IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, IHostApplicationLifetime lifetime,
    ILogger<MigrateOnStartup> logger)
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

    /// <summary>
    /// Development gets the demo accounts, region and clusters when the database has none. Any other environment refuses to
    /// run while demo credentials are active: their passwords are published in the README.
    /// </summary>
    private async Task PrepareDataAsync(CancellationToken ct)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
        if (environment.IsDevelopment())
        {
            await services.GetRequiredService<DemoAccounts>().EnsureAsync(connection, ct);
            await services.GetRequiredService<DemoRegion>().EnsureAsync(connection, ct);
            await DemoClusters.EnsureAsync(connection, services.GetRequiredService<TimeProvider>(), ct);
            return;
        }

        if (await DemoAccounts.ActiveCountAsync(connection, ct) is > 0 and var active)
        {
            // Critical is never filtered out in practice; the guard only keeps the analyzer's boxing rule quiet.
            if (logger.IsEnabled(LogLevel.Critical))
            {
                logger.LogCritical(
                    "Refusing to run outside Development: {Count} demo account(s) or client(s) with published credentials are active. Disable them or use a fresh database.",
                    active);
            }

            services.GetRequiredService<StartupRefusal>().Reason = "demo credentials are active";
            lifetime.StopApplication();
        }
    }
}

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
}
