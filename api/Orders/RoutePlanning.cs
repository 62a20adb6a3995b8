using Dapper;
using Npgsql;
using Registry.Api.Calendar;
using Registry.Api.Events;
using Registry.Api.Http;
using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>
/// The route's plan in the database: each write to an order recomputes its route's expected days (in the same
/// transaction, under the route's lock) and keeps each order's (reads recompute it for today); where a leg's expected ship day moved because of another
/// leg, that leg's parties get an <c>order.expected_changed</c> event — the downstream firms learn their new expected
/// arrival from the feed, their webhooks and the SPA.
/// </summary>
public sealed class RoutePlanning(BusinessCalendar calendar, TimeProvider clock)
{
    /// <summary>Locks the route of an order (every write to a route's orders takes it first, so they never deadlock).</summary>
    public static Task<Guid?> LockRouteOfAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid orderId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT r.id FROM order_routes r WHERE r.id = (SELECT route_id FROM orders WHERE id = @orderId) FOR UPDATE",
            new { orderId }, tx, cancellationToken: ct));

    /// <summary>The plan of rows as they are, computed (reads need no lock and write nothing).</summary>
    public async Task<RouteSchedule.Plan> PlanAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, IReadOnlyList<OrderStore.Row> route,
        OrderStore.Details details, CancellationToken ct)
    {
        var sites = await SiteCalendars.ReadAsync(connection, tx, [.. route.Select(r => r.SupplierId).Distinct()], ct);
        return RouteSchedule.Of(
            [.. route.Select(r => new RouteSchedule.Leg(r.Leg, r.SupplierId, r.State, r.OrderedOn,
                r.DueOn, r.LeadDays, FinalShippedOn(details, r.Id), r.State is OrderStatus.InProgress || r.ShippedQuantity > 0))],
            clock.RegionToday(),
            (site, start, days) => calendar.AddBusinessDays(start, days, sites.GetValueOrDefault(site) ?? SiteCalendar.Default));
    }

    /// <summary>The day an order's final shipment left (its shipments are in the details already read).</summary>
    private static DateOnly? FinalShippedOn(OrderStore.Details details, Guid orderId) =>
        details.Shipments[orderId].Where(s => s.Final).Select(s => (DateOnly?)s.ShippedOn).Max();

    /// <summary>A route as the database holds it now: its orders in leg order, their milestones and shipments, and its plan.</summary>
    public sealed record Reading(IReadOnlyList<OrderStore.Row> Orders, OrderStore.Details Details, RouteSchedule.Plan Plan);

    public async Task<Reading> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid routeId, CancellationToken ct)
    {
        var route = await OrderStore.RouteAsync(connection, tx, routeId, ct);
        var details = await OrderStore.DetailsAsync(connection, tx, [.. route.Select(r => r.Id)], ct);
        return new Reading(route, details, await PlanAsync(connection, tx, route, details, ct));
    }

    /// <summary>
    /// Recomputes and keeps the route's plan after a write to <paramref name="changedOrderId"/>; tells every other leg
    /// whose expected ship day moved. Returns the route as it now is, for the answer.
    /// </summary>
    public async Task<Reading> RecomputeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid routeId, Guid changedOrderId, CancellationToken ct)
    {
        var reading = await ReadAsync(connection, tx, routeId, ct);
        foreach (var (row, leg) in reading.Orders.Zip(reading.Plan.Legs))
        {
            var was = row.ExpectedShipOn;
            if (was == leg.ExpectedShipOn)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE orders SET expected_ship_on = @expected WHERE id = @id",
                new { id = row.Id, expected = leg.ExpectedShipOn }, tx, cancellationToken: ct));
            // The changed order's own event says it; the others learn it here. A new draft's first plan tells nobody.
            if (row.Id != changedOrderId && was is not null && row.State is not OrderStatus.Draft)
            {
                var dto = row.ToDto(reading.Details, leg);
                await Outbox.EmitToPartiesAsync(connection, tx, "order.expected_changed", "order", row.Id, row.SupplierId, row.BuyerAccountId,
                    row.Version, dto with { ExpectedShipOn = was }, dto, ct);
            }
        }

        return reading;
    }
}
