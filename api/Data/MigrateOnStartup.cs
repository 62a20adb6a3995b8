using System.Net.Sockets;
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
                return;
            }
            catch (MigrationFailedException ex)
            {
                logger.LogError(ex, "Migration {Script} failed; the service stays not ready", ex.Script);
                return;
            }
            catch (Exception ex) when (IsUnreachable(ex) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not reachable yet ({Message}); retrying in {Pause}", ex.Message, pause);
                await Task.Delay(pause, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private static bool IsUnreachable(Exception ex) =>
        ex is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
        || ex.InnerException is SocketException
        || ex is PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown };
}
