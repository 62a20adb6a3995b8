using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Clusters;

[Description("Orders placed through the registry with the suppliers of one sector in one municipality (or the whole "
    + "report's total), for coordinators. A cell of fewer than 3 distinct firms is suppressed: every figure is null and "
    + "`suppressed` is true; so is a cell suppressed so that a suppressed firm's figures cannot be read off the total.")]
public sealed record OrderIndicatorCell
{
    [Description("JSIC (日本標準産業分類) code of the supplier sites: their first industry code; null in the total, or for sites without one.")]
    [MaxLength(4)]
    public string? Sector { get; init; }

    [Description("全国地方公共団体コード of the supplier sites; null in the total.")]
    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    [Description("True when the cell's figures are withheld (fewer than 3 firms, or complementary suppression).")]
    public required bool Suppressed { get; init; }

    [Description("Distinct firms (corporate number, else site) with an order sent to them.")]
    [Range(0, int.MaxValue)]
    public int? Firms { get; init; }

    [Description("Orders sent (drafts are not placed yet).")]
    [Range(0, int.MaxValue)]
    public int? Orders { get; init; }

    [Description("Sum of the totals (tax included, JPY) of the orders sent, except rejected and cancelled ones.")]
    [Range(0, long.MaxValue)]
    public long? Value { get; init; }

    [Description("Legs shipped in full: the denominator of the on-time rate and the lead time.")]
    [Range(0, int.MaxValue)]
    public int? ShippedLegs { get; init; }

    [Description("Share (0–1) of the legs shipped in full whose final shipment left on or before the due date.")]
    [Range(0.0, 1.0)]
    public double? OnTimeRate { get; init; }

    [Description("Mean calendar days (not business days) from the day the order was sent (JST) to its final shipment.")]
    [Range(0.0, 100000.0)]
    public double? MeanLeadDays { get; init; }

    [Description("Mean great-circle kilometres of the routes the cell's orders are on (site to site, then to the delivery place).")]
    [Range(0.0, 100000.0)]
    public double? MeanRouteDistanceKm { get; init; }

    [Description("Firms that answered at least one order through an account (or an imported acknowledgement of their own system).")]
    [Range(0, int.MaxValue)]
    public int? FirmsByAccount { get; init; }

    [Description("Firms that answered only through response links.")]
    [Range(0, int.MaxValue)]
    public int? FirmsByLink { get; init; }

    [Description("Firms that never answered, with an order sent more than 3 days ago still unanswered.")]
    [Range(0, int.MaxValue)]
    public int? FirmsUnanswered { get; init; }
}

[Description("How one site actually answers its orders (DESIGN §11, the FAX bridge): a digital-readiness fact per site, "
    + "counted over its orders sent in the period — counts of answers, never amounts.")]
public sealed record SiteOrderAnswers
{
    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    [Description("Orders it answered first through an account (or an imported acknowledgement).")]
    [Range(0, int.MaxValue)]
    public required int ByAccount { get; init; }

    [Description("Orders it answered first through the order's response link.")]
    [Range(0, int.MaxValue)]
    public required int ByLink { get; init; }

    [Description("Orders sent more than 3 days ago it has not answered (cancelled ones aside).")]
    [Range(0, int.MaxValue)]
    public required int Unanswered { get; init; }
}

[Description("Orders placed through the registry (DESIGN §11 indicators), by sector and municipality of the supplier site.")]
public sealed record OrderIndicators
{
    [Description("Orders sent on or after this day (JST).")]
    public required DateOnly From { get; init; }

    [Description("Orders sent before this day (JST).")]
    public required DateOnly To { get; init; }

    [Description("All cells together; suppressed when fewer than 3 firms are in it.")]
    public required OrderIndicatorCell Total { get; init; }

    [Description("One cell per sector and municipality, in code order (not by size: an order by size would bound a suppressed cell).")]
    [MaxLength(5000)]
    public required IReadOnlyList<OrderIndicatorCell> Cells { get; init; }

    [Description("How each site answers (account, link, not at all), most orders first.")]
    [MaxLength(5000)]
    public required IReadOnlyList<SiteOrderAnswers> Sites { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}
