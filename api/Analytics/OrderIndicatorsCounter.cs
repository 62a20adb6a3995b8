using Registry.Contracts.Clusters;

namespace Registry.Api.Analytics;

/// <summary>
/// The order indicators (DESIGN §11) from one row per order sent, with the 3-firm rule: a cell (sector ×
/// municipality) of fewer than 3 distinct firms is suppressed, and so is whatever else it takes for the total not to
/// give a suppressed firm away.
/// <para>
/// Why complementary suppression: the report gives the total of all cells. Total minus the shown cells is the sum of
/// the suppressed cells, so one suppressed cell alone would be read off exactly; two suppressed cells of one firm each
/// would give the sum of two firms, from which either firm subtracts its own and reads the other's. The suppressed
/// remainder must therefore itself hold at least 3 distinct firms, the same rule a cell must meet. While it holds 1 or 2,
/// the shown cell with the fewest firms (then fewest orders, then code order) is suppressed too, until the remainder
/// holds 3 firms or every cell is suppressed. The total is suppressed when it has fewer than 3 firms. No other margins
/// (per sector, per municipality) are given: with only one sum over the cells, this one rule is enough; margins would
/// add linear equations that a pair of suppressed cells could be solved from.
/// </para>
/// <para>
/// A firm is its corporate number, else its site. Figures: orders sent; value (totals except rejected and cancelled
/// orders); on-time rate over legs shipped in full (final shipment on or before the due date); mean lead time in
/// calendar days from the day sent (JST) to the final shipment; mean route distance over the distinct routes; firms by
/// how they answer — through an account (or their own system's import) at least once, else only by response link,
/// else never with an order sent more than 3 days ago (firms with only younger unanswered orders are not counted yet).
/// </para>
/// </summary>
public static class OrderIndicatorsCounter
{
    public const int MinFirms = 3;

    /// <summary>One order sent, with its supplier site's facts and its route's distance.</summary>
    public sealed record Fact(
        Guid OrderId, Guid SupplierId, string NameJa, string Firm, string? Sector, string? MunicipalityCode, string Status, long Total,
        DateOnly DueOn, DateOnly SentOn, DateOnly? FinalShippedOn, string? FirstAnswerVia, bool Overdue, Guid RouteId, double? RouteKm);

    public sealed record Result(OrderIndicatorCell Total, IReadOnlyList<OrderIndicatorCell> Cells, IReadOnlyList<SiteOrderAnswers> Sites);

    public static Result Count(IReadOnlyList<Fact> facts)
    {
        var groups = facts.GroupBy(f => (f.Sector, f.MunicipalityCode))
            .OrderBy(g => g.Key.Sector ?? "", StringComparer.Ordinal).ThenBy(g => g.Key.MunicipalityCode ?? "", StringComparer.Ordinal)
            .Select(g => (g.Key, Facts: g.ToList(), Firms: g.Select(f => f.Firm).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var suppressed = groups.Where(g => g.Firms.Count < MinFirms).Select(g => g.Key).ToHashSet();
        while (true)
        {
            var remainder = groups.Where(g => suppressed.Contains(g.Key)).SelectMany(g => g.Firms).ToHashSet(StringComparer.Ordinal);
            if (remainder.Count is 0 or >= MinFirms)
            {
                break;
            }

            var next = groups.Where(g => !suppressed.Contains(g.Key))
                .OrderBy(g => g.Firms.Count).ThenBy(g => g.Facts.Count).Select(g => ((string? Sector, string? MunicipalityCode)?)g.Key).FirstOrDefault();
            if (next is not { } key)
            {
                break;
            }

            suppressed.Add(key);
        }

        var cells = groups.Select(g => suppressed.Contains(g.Key)
                ? new OrderIndicatorCell { Sector = g.Key.Sector, MunicipalityCode = g.Key.MunicipalityCode, Suppressed = true }
                : Cell(g.Key.Sector, g.Key.MunicipalityCode, g.Facts))
            .ToList();
        var totalFirms = facts.Select(f => f.Firm).Distinct(StringComparer.Ordinal).Count();
        var total = totalFirms < MinFirms ? new OrderIndicatorCell { Suppressed = true } : Cell(null, null, facts);
        var sites = facts.GroupBy(f => f.SupplierId)
            .Select(g => new SiteOrderAnswers
            {
                SupplierId = g.Key,
                NameJa = g.First().NameJa,
                MunicipalityCode = g.First().MunicipalityCode,
                ByAccount = g.Count(f => ByAccount(f.FirstAnswerVia)),
                ByLink = g.Count(f => f.FirstAnswerVia == "link"),
                Unanswered = g.Count(Unanswered),
            })
            .OrderByDescending(s => s.ByAccount + s.ByLink + s.Unanswered).ThenBy(s => s.SupplierId)
            .ToList();
        return new Result(total, cells, sites);
    }

    private static bool ByAccount(string? via) => via is "account" or "import";

    private static bool Unanswered(Fact f) => f.FirstAnswerVia is null && f.Overdue && f.Status != "cancelled";

    private static OrderIndicatorCell Cell(string? sector, string? municipality, IReadOnlyList<Fact> facts)
    {
        var shipped = facts.Where(f => f.FinalShippedOn is not null).ToList();
        var routes = facts.Where(f => f.RouteKm is not null).DistinctBy(f => f.RouteId).ToList();
        var firms = facts.GroupBy(f => f.Firm, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        return new OrderIndicatorCell
        {
            Sector = sector,
            MunicipalityCode = municipality,
            Suppressed = false,
            Firms = firms.Count,
            Orders = facts.Count,
            Value = facts.Where(f => f.Status is not ("rejected" or "cancelled")).Sum(f => f.Total),
            ShippedLegs = shipped.Count,
            OnTimeRate = shipped.Count == 0 ? null : Math.Round((double)shipped.Count(f => f.FinalShippedOn <= f.DueOn) / shipped.Count, 4),
            MeanLeadDays = shipped.Count == 0 ? null : Math.Round(shipped.Average(f => f.FinalShippedOn!.Value.DayNumber - f.SentOn.DayNumber), 1),
            MeanRouteDistanceKm = routes.Count == 0 ? null : Math.Round(routes.Average(f => f.RouteKm!.Value), 1),
            FirmsByAccount = firms.Count(g => g.Any(f => ByAccount(f.FirstAnswerVia))),
            FirmsByLink = firms.Count(g => !g.Any(f => ByAccount(f.FirstAnswerVia)) && g.Any(f => f.FirstAnswerVia == "link")),
            FirmsUnanswered = firms.Count(g => g.All(f => f.FirstAnswerVia is null) && g.Any(Unanswered)),
        };
    }
}
