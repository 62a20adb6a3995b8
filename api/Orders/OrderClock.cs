using Dapper;
using Npgsql;
using Registry.Api.Http;

namespace Registry.Api.Orders;

/// <summary>
/// What days passing change without anyone writing (DESIGN §11), swept every Orders:SweepMinutes (default 60):
/// <list type="bullet">
/// <item>A leg not shipped by its expected day is expected no earlier than today, so every day it stays open moves it
/// and the legs after it. Each such route is recomputed under its lock, and the parties of every leg whose expected
/// ship day moved get <c>order.expected_changed</c> — as when a write moves them — and the route shows late when the
/// leg passes its due date.</item>
/// <item>An order unanswered three days after it was sent makes its site's observed way of answering "none" when it
/// is the site's latest (<see cref="OrderAnswers"/>). The sweep looks at the sites with an order unanswered for three
/// to thirty-three days whose kept fact is not what their orders now say, so a service down for up to a month
/// catches up; an older one is caught at the site's next answer.</item>
/// </list>
/// </summary>
public sealed class OrderClock(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<OrderClock> logger) : BackgroundService
{
    private const int Batch = 500;

    private NpgsqlDataSource Db => services.GetRequiredService<NpgsqlDataSource>();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Data.WorkerRounds.RunAsync(
        services, "Order clock", TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Orders:SweepMinutes", 60))),
        async ct => { await SweepAsync(ct); return false; }, logger, stoppingToken);

    /// <summary>One sweep: the routes whose plan days moved, then the sites whose latest order went unanswered.</summary>
    public async Task<(int Routes, int Sites)> SweepAsync(CancellationToken ct)
    {
        var routes = await ReplanAsync(ct);
        var sites = await ObserveUnansweredAsync(ct);
        if (routes + sites > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Order clock: {Routes} routes replanned, {Sites} sites' answering observed", routes, sites);
        }

        return (routes, sites);
    }

    private async Task<int> ReplanAsync(CancellationToken ct)
    {
        var planning = services.GetRequiredService<RoutePlanning>();
        var today = clock.RegionToday();
        var done = new HashSet<Guid>();
        while (true)
        {
            await using var connection = await Db.OpenConnectionAsync(ct);
            var due = (await connection.QueryAsync<Guid>(new CommandDefinition("""
                SELECT DISTINCT route_id FROM orders
                WHERE status IN ('sent', 'accepted', 'proposed', 'in_progress', 'shipped') AND NOT fully_shipped AND expected_ship_on < @today
                  AND NOT (route_id = ANY(@done))
                LIMIT @batch
                """, new { today = today.ToDateTime(TimeOnly.MinValue), done = done.ToArray(), batch = Batch }, cancellationToken: ct))).ToList();
            if (due.Count == 0)
            {
                return done.Count;
            }

            foreach (var routeId in due)
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await connection.ExecuteAsync(new CommandDefinition("SELECT id FROM order_routes WHERE id = @routeId FOR UPDATE", new { routeId }, tx, cancellationToken: ct));
                await planning.RecomputeAsync(connection, tx, routeId, Guid.Empty, ct);
                await tx.CommitAsync(ct);
                done.Add(routeId);
            }
        }
    }

    private async Task<int> ObserveUnansweredAsync(CancellationToken ct)
    {
        var answers = services.GetRequiredService<OrderAnswers>();
        await using var connection = await Db.OpenConnectionAsync(ct);
        var sites = (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT s.id FROM suppliers s
            WHERE s.id IN (SELECT supplier_id FROM orders
                           WHERE status = 'sent' AND first_answer_via IS NULL AND sent_at >= now() - interval '33 days' AND sent_at < now() - interval '3 days')
              AND (SELECT a.answers_by FROM supplier_order_answers a WHERE a.supplier_id = s.id) IS DISTINCT FROM supplier_answers_orders_by(s.id, now())
            """, cancellationToken: ct))).ToList();
        var changed = 0;
        foreach (var site in sites)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            changed += await answers.ObserveAsync(connection, tx, site, ct) ? 1 : 0;
            await tx.CommitAsync(ct);
        }

        return changed;
    }
}
