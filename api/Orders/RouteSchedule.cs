using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>
/// When each leg of a route is expected to ship, and so when the parts reach the delivery place (DESIGN §11). A leg
/// starts when its input arrives (the first leg: the day it was ordered; the others: the day the leg before shipped,
/// or is expected to), and needs its lead days counted in its own site's business days (public holidays, its weekly
/// and yearly closed days: the <c>addBusinessDays</c> the caller gives). A leg not shipped by an expected day already
/// past is expected no earlier than today. A leg is late when it is expected after its due date; one late leg makes
/// the route late. A rejected or cancelled leg breaks the route: nothing after it has an expected day.
/// </summary>
public static class RouteSchedule
{
    public sealed record Leg(int Number, Guid SupplierId, OrderStatus Status, DateOnly OrderedOn, DateOnly DueOn, int LeadDays,
        DateOnly? FinalShippedOn, bool Started);

    public sealed record LegPlan(int Number, DateOnly? ExpectedShipOn, bool Late);

    public sealed record Plan(IReadOnlyList<LegPlan> Legs, DateOnly? ExpectedArrivalOn, bool Late, int CurrentLeg);

    public static Plan Of(IReadOnlyList<Leg> legs, DateOnly today, Func<Guid, DateOnly, int, DateOnly> addBusinessDays)
    {
        var plans = new List<LegPlan>(legs.Count);
        DateOnly? inputArrives = null;
        var broken = false;
        foreach (var leg in legs.OrderBy(l => l.Number))
        {
            DateOnly? expected;
            if (broken || leg.Status is OrderStatus.Rejected or OrderStatus.Cancelled)
            {
                broken = true;
                expected = null;
            }
            else if (leg.FinalShippedOn is { } shipped)
            {
                expected = shipped;
            }
            else
            {
                var start = leg.Number == legs.Min(l => l.Number) ? leg.OrderedOn : inputArrives ?? leg.OrderedOn;
                var planned = addBusinessDays(leg.SupplierId, start, leg.LeadDays);
                expected = planned < today ? addBusinessDays(leg.SupplierId, today, 0) : planned;
            }

            var late = expected is { } day ? day > leg.DueOn : leg.FinalShippedOn is null && !broken && today > leg.DueOn;
            plans.Add(new LegPlan(leg.Number, expected, late));
            inputArrives = expected;
        }

        var current = 0;
        foreach (var leg in legs.OrderBy(l => l.Number))
        {
            if (leg.FinalShippedOn is not null)
            {
                current = leg.Number;
                continue;
            }

            // The parts are at the first leg not done, once it has them: it started, or the leg before shipped.
            if (leg.Started || current > 0)
            {
                current = leg.Number;
            }

            break;
        }

        return new Plan(plans, broken ? null : plans.LastOrDefault()?.ExpectedShipOn, plans.Any(p => p.Late), current);
    }
}
