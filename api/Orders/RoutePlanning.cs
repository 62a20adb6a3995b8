using Dapper;
using Npgsql;
using Registry.Api.Calendar;
using Registry.Api.Events;
using Registry.Api.Http;
using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>
/// The route's plan in the database: each write to an order recomputes its route's expected days (in the same
/// transaction, under the route's lock) and keeps them; where a leg's expected ship day moved because of another
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
        IReadOnlyDictionary<Guid, DateOnly?> finalShipped, CancellationToken ct)
    {
        var sites = await SiteCalendars.ReadAsync(connection, tx, [.. route.Select(r => r.SupplierId).Distinct()], ct);
        return RouteSchedule.Of(
            [.. route.Select(r => new RouteSchedule.Leg(r.Leg, r.SupplierId, r.State, r.OrderedOn,
                r.DueOn, r.LeadDays, finalShipped.GetValueOrDefault(r.Id), r.State is OrderStatus.InProgress || r.ShippedQuantity > 0))],
            clock.RegionToday(),
            (site, start, days) => calendar.AddBusinessDays(start, days, sites.GetValueOrDefault(site) ?? SiteCalendar.Default));
    }

    /// <summary>The day each order's final shipment left, for the orders given.</summary>
    public static async Task<IReadOnlyDictionary<Guid, DateOnly?>> FinalShipmentsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid[] orderIds, CancellationToken ct) =>
        (await connection.QueryAsync<(Guid OrderId, DateOnly ShippedOn)>(new CommandDefinition(
            "SELECT order_id, max(shipped_on) FROM order_shipments WHERE order_id = ANY(@orderIds) AND final GROUP BY order_id",
            new { orderIds }, tx, cancellationToken: ct)))
        .ToDictionary(s => s.OrderId, s => (DateOnly?)s.ShippedOn);

    /// <summary>
    /// Recomputes and keeps the route's plan after a write to <paramref name="changedOrderId"/>; tells every other leg
    /// whose expected ship day moved. Returns the plan.
    /// </summary>
    public async Task<RouteSchedule.Plan> RecomputeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid routeId, Guid changedOrderId, CancellationToken ct)
    {
        var route = await OrderStore.RouteAsync(connection, tx, routeId, ct);
        var finals = await FinalShipmentsAsync(connection, tx, [.. route.Select(r => r.Id)], ct);
        var plan = await PlanAsync(connection, tx, route, finals, ct);
        var details = await OrderStore.DetailsAsync(connection, tx, [.. route.Select(r => r.Id)], ct);
        foreach (var (row, leg) in route.Zip(plan.Legs))
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
                var dto = row.ToDto(details, leg);
                await Outbox.EmitToPartiesAsync(connection, tx, "order.expected_changed", "order", row.Id, row.SupplierId, row.BuyerAccountId,
                    row.Version, dto with { ExpectedShipOn = was }, dto, ct);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE order_routes SET expected_arrival_on = @arrival, late = @late, version = version + 1, updated_at = now() WHERE id = @routeId",
            new { routeId, arrival = plan.ExpectedArrivalOn, late = plan.Late }, tx, cancellationToken: ct));
        return plan;
    }
}
