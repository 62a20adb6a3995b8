using Npgsql;
using Registry.Api.Data;

namespace Registry.Api.Demo;

public static class DemoSetup
{
    /// <summary>
    /// The demo accounts, region, clusters, sites' closed days, orders (with the demo buyer's open request) and gatherings, written at
    /// start-up in Development when the database has none. Any other
    /// environment refuses to run while demo credentials are active: their passwords are published in the README.
    /// </summary>
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddSingleton<DemoAccounts>();
        services.AddSingleton<DemoRegion>();
        services.AddSingleton<DemoOrders>();
        services.AddSingleton(new StartupStep("demo data", EnsureAsync));
        return services;
    }

    private static async Task EnsureAsync(IServiceProvider services, NpgsqlConnection connection, CancellationToken ct)
    {
        if (services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await services.GetRequiredService<DemoAccounts>().EnsureAsync(connection, ct);
            await services.GetRequiredService<DemoRegion>().EnsureAsync(connection, ct);
            await DemoClusters.EnsureAsync(connection, services.GetRequiredService<TimeProvider>(), ct);
            await DemoCalendars.EnsureAsync(connection, ct);
            // After the calendars: the orders' expected days count each site's closed days.
            await services.GetRequiredService<DemoOrders>().EnsureAsync(connection, ct);
            // After the orders: the gatherings bring the demo buyer's open request.
            await DemoGatherings.EnsureAsync(connection, services.GetRequiredService<TimeProvider>(), ct);
            return;
        }

        if (await DemoAccounts.ActiveCountAsync(connection, ct) is > 0 and var active)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSetup));
            // Critical is never filtered out in practice; the guard only keeps the analyzer's boxing rule quiet.
            if (logger.IsEnabled(LogLevel.Critical))
            {
                logger.LogCritical(
                    "Refusing to run outside Development: {Count} demo account(s) or client(s) with published credentials are active. Disable them or use a fresh database.",
                    active);
            }

            services.GetRequiredService<StartupRefusal>().Reason = "demo credentials are active";
            services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        }
    }
}
