using Registry.Api.Calendar;
using Registry.Api.Orders;
using Registry.Contracts.Orders;

namespace Registry.Tests.Orders;

/// <summary>Amounts and tax of an order, and the route's expected days in business days.</summary>
public sealed class OrderPlanTests
{
    private static readonly BusinessCalendar s_calendar = BusinessCalendar.LoadEmbedded();

    [Fact]
    public void TaxIsComputedOncePerRateAndRoundedDown()
    {
        var totals = OrderAmounts.Of(
        [
            Line(3, 333, 10), Line(1, 1, 10), Line(7, 15, 8),
        ]);
        // Per line, 99.9 + 0.1 would round to 99 + 0 = 99; per rate 1000 × 10 % = 100.
        Assert.Equal([(10, 1000L, 100L), (8, 105L, 8L)], totals.Taxes.Select(t => (t.TaxRate, t.Taxable, t.Tax)));
        Assert.Equal((1105L, 108L, 1213L), (totals.Subtotal, totals.Tax, totals.Total));
    }

    [Fact]
    public void ADeliveryPointOutsideJapanIsRefusedLikeAnyNestedField()
    {
        var today = new DateOnly(2026, 12, 7);
        var route = new OrderRouteInput
        {
            DeliveryAddress = "豊田市",
            DeliveryPoint = new Registry.Contracts.Suppliers.GeoLocation { Lat = 46.5, Lon = 122 },
            Legs = [new OrderLegInput { SupplierId = Guid.NewGuid(), OrderNumber = "PO-1", Lines = [Line(1, 1, 8)], DueDate = today.AddDays(10), LeadDays = 5 }],
        };

        Assert.Contains("deliveryPoint.lat", OrderRules.CheckRoute(route, today).Keys);
        Assert.Empty(OrderRules.CheckRoute(route with { DeliveryPoint = new Registry.Contracts.Suppliers.GeoLocation { Lat = 35.08, Lon = 137.15 } }, today));
    }

    [Fact]
    public void TheLargestAmountsDoNotOverflow()
    {
        var lines = Enumerable.Range(0, 20).Select(_ => Line(100_000_000, 1_000_000_000, 10)).ToList();
        var totals = OrderAmounts.Of(lines);
        Assert.Equal(2_000_000_000_000_000_000L, totals.Subtotal);
        Assert.Equal(200_000_000_000_000_000L, totals.Tax);
    }

    [Fact]
    public void AnAgreedProposalChangesQuantitiesAndAmounts()
    {
        var lines = OrderAmounts.Of([Line(10, 100, 10)]).Lines;
        var changed = OrderAmounts.Of(OrderAmounts.WithQuantities(lines, [8]));
        Assert.Equal((8, 800L, 880L), (changed.Lines[0].Quantity, changed.Subtotal, changed.Total));
    }

    [Fact]
    public void EachLegStartsWhenTheLegBeforeIsExpectedToShipCountedInItsOwnBusinessDays()
    {
        // Ordered on Friday 2026-04-24: leg 1 needs 5 business days across Showa Day (4/29): Mon 27, Tue 28, Thu 30,
        // Fri 5/1, then Golden Week (5/3–5/6, with the substitute holiday) — the fifth is Thu 5/7. Leg 2 starts then.
        var ordered = new DateOnly(2026, 4, 24);
        var plan = RouteSchedule.Of(
            [Leg(1, ordered, due: new DateOnly(2026, 5, 20), lead: 5), Leg(2, ordered, due: new DateOnly(2026, 5, 20), lead: 3)],
            today: ordered, Add(SiteCalendar.Default));
        Assert.Equal(new DateOnly(2026, 5, 7), plan.Legs[0].ExpectedShipOn);
        Assert.Equal(new DateOnly(2026, 5, 12), plan.Legs[1].ExpectedShipOn);
        Assert.Equal((new DateOnly(2026, 5, 12), false), (plan.ExpectedArrivalOn, plan.Late));
    }

    [Fact]
    public void ALateLegMakesTheRouteLateAndMovesEveryLegAfterIt()
    {
        var ordered = new DateOnly(2026, 6, 1);
        var onTime = RouteSchedule.Of(
            [Leg(1, ordered, due: new DateOnly(2026, 6, 10), lead: 5), Leg(2, ordered, due: new DateOnly(2026, 6, 30), lead: 5)],
            today: ordered, Add(SiteCalendar.Default));
        var late = RouteSchedule.Of(
            [Leg(1, ordered, due: new DateOnly(2026, 6, 10), lead: 5, shipped: new DateOnly(2026, 6, 16)), Leg(2, ordered, due: new DateOnly(2026, 6, 30), lead: 5)],
            today: new DateOnly(2026, 6, 16), Add(SiteCalendar.Default));
        Assert.True(late.Legs[0].Late);
        Assert.True(late.Late);
        Assert.True(late.Legs[1].ExpectedShipOn > onTime.Legs[1].ExpectedShipOn);
        Assert.Equal(new DateOnly(2026, 6, 23), late.ExpectedArrivalOn);
        Assert.Equal(2, late.CurrentLeg);
    }

    [Fact]
    public void ALegNotShippedWhenExpectedIsExpectedNoEarlierThanToday()
    {
        var ordered = new DateOnly(2026, 6, 1);
        var plan = RouteSchedule.Of([Leg(1, ordered, due: new DateOnly(2026, 6, 5), lead: 2)], today: new DateOnly(2026, 6, 12), Add(SiteCalendar.Default));
        Assert.Equal((new DateOnly(2026, 6, 12), true), (plan.Legs[0].ExpectedShipOn, plan.Legs[0].Late));
    }

    [Fact]
    public void ARejectedLegBreaksTheRoute()
    {
        var ordered = new DateOnly(2026, 6, 1);
        var plan = RouteSchedule.Of(
            [Leg(1, ordered, due: new DateOnly(2026, 6, 30), lead: 2) with { Status = OrderStatus.Rejected }, Leg(2, ordered, due: new DateOnly(2026, 6, 30), lead: 2)],
            today: ordered, Add(SiteCalendar.Default));
        Assert.Equal([null, null], plan.Legs.Select(l => l.ExpectedShipOn));
        Assert.Null(plan.ExpectedArrivalOn);
    }

    [Fact]
    public void ASitesOwnClosedDaysCount()
    {
        var obon = new SiteCalendar(SiteCalendar.Default.WeeklyClosed, [new ClosedPeriod(new DateOnly(2026, 8, 13), new DateOnly(2026, 8, 16), EveryYear: true, "お盆休み")]);
        var ordered = new DateOnly(2026, 8, 10);
        // Mon 8/10: 8/11 is Mountain Day, 8/12 Wed, 8/13–8/16 closed, so three days end on Tue 8/18.
        var plan = RouteSchedule.Of([Leg(1, ordered, due: new DateOnly(2026, 8, 31), lead: 3)], today: ordered, Add(obon));
        Assert.Equal(new DateOnly(2026, 8, 18), plan.Legs[0].ExpectedShipOn);
    }

    private static Func<Guid, DateOnly, int, DateOnly> Add(SiteCalendar site) => (_, start, days) => s_calendar.AddBusinessDays(start, days, site);

    private static RouteSchedule.Leg Leg(int number, DateOnly ordered, DateOnly due, int lead, DateOnly? shipped = null) =>
        new(number, Guid.Empty, shipped is null ? OrderStatus.Accepted : OrderStatus.Shipped, ordered, due, lead, shipped, shipped is not null);

    private static OrderLineInput Line(int quantity, long price, int rate) =>
        new() { ItemName = "部品", Quantity = quantity, Unit = "個", UnitPrice = price, TaxRate = rate };
}
