using System.Globalization;

namespace Registry.Api.Matching;

/// <summary>
/// Scores one supplier for one step of a matching request (DESIGN §5): a weighted sum of normalised criteria in
/// [0,1], weighted by the buyer's quality/cost/delivery split, with an explanation per criterion. Pure: the caller
/// passes only what the caller of the API may see of the supplier (hidden sections arrive as unknown), so hidden
/// data can neither help nor hurt a ranking.
/// </summary>
public static class Scorer
{
    // Shares of each QCD weight among its criteria.
    private const double ToleranceShare = 0.4, ExtraCertificatesShare = 0.2, InspectionShare = 0.2, VerifiedShare = 0.2;
    private const double LeadTimeShare = 0.6, SpareCapacityShare = 0.4;
    private const double DistanceShare = 0.6, LotShare = 0.4;

    /// <summary>What the step asks for (the hard filters have been applied before scoring).</summary>
    public sealed record Need(
        double? ToleranceUm, IReadOnlyCollection<string> RequiredCertifications, int? LotSize, int? DaysUntilDue, double RadiusKm);

    /// <summary>
    /// What the supplier offers for the step, as far as the caller may see (null: unknown or hidden). Certifications and
    /// inspection equipment are null exactly when their section is hidden from the caller: the explanation says
    /// "not disclosed" then, never "none" or "no", which would be a claim about what the site does not have.
    /// </summary>
    public sealed record Offer(
        double DistanceKm, double? ToleranceUm, IReadOnlyCollection<string>? Certifications, bool? HasInspectionEquipment,
        bool Verified, int? LotMin, int? LotMax, int? LeadDays, int? SpareCapacityPct);

    public sealed record Weights(double Quality, double Cost, double Delivery);

    /// <summary>The offered value of a criterion whose section the caller may not see.</summary>
    public const string NotDisclosed = "not disclosed";

    public enum Outcome
    {
        Met,
        Partial,
        Unmet,
    }

    public sealed record Criterion(string Name, string Required, string Offered, Outcome Met, double Weight, double Points);

    public sealed record Result(double Score, IReadOnlyList<Criterion> Criteria);

    public static Result Score(Need need, Offer offer, Weights weights)
    {
        var criteria = new List<Criterion>
        {
            Tolerance(need, offer, weights.Quality * ToleranceShare),
            ExtraCertificates(need, offer, weights.Quality * ExtraCertificatesShare),
            Rate("inspection_equipment", "preferred", offer.HasInspectionEquipment switch { true => "yes", false => "no", null => NotDisclosed },
                offer.HasInspectionEquipment == true ? 1 : 0, weights.Quality * InspectionShare),
            Rate("verified", "preferred", offer.Verified ? "yes" : "no", offer.Verified ? 1 : 0, weights.Quality * VerifiedShare),
            Distance(need, offer, weights.Cost * DistanceShare),
            Lot(need, offer, weights.Cost * LotShare),
            LeadTime(need, offer, weights.Delivery * LeadTimeShare),
            SpareCapacity(offer, weights.Delivery * SpareCapacityShare),
        };

        // Rounded so that equal offers tie exactly and the order falls to the id, on every machine.
        return new Result(Math.Round(criteria.Sum(c => c.Points), 6), criteria);
    }

    /// <summary>Offered twice as tight as needed (or tighter) is full marks; exactly as tight is half.</summary>
    private static Criterion Tolerance(Need need, Offer offer, double weight)
    {
        if (offer.ToleranceUm is not { } offered)
        {
            return Rate("tolerance_um", Text(need.ToleranceUm), "unknown", 0, weight);
        }

        var value = need.ToleranceUm is { } required ? Math.Min(1, required / offered / 2) : 1;
        return Rate("tolerance_um", Text(need.ToleranceUm), Text(offered), value, weight);
    }

    private static Criterion ExtraCertificates(Need need, Offer offer, double weight)
    {
        if (offer.Certifications is null)
        {
            return Rate("certifications_beyond_required", "preferred", NotDisclosed, 0, weight);
        }

        var extra = offer.Certifications.Except(need.RequiredCertifications, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return Rate("certifications_beyond_required", "preferred", extra.Count == 0 ? "none" : string.Join(", ", extra), Math.Min(1, extra.Count / 2.0), weight);
    }

    /// <summary>Closer is better: full marks at the centre, none at the region's edge.</summary>
    private static Criterion Distance(Need need, Offer offer, double weight) =>
        Rate("distance_km", $"≤ {Text(need.RadiusKm)}", Text(Math.Round(offer.DistanceKm, 1)),
            need.RadiusKm <= 0 ? 0 : 1 - (Math.Min(offer.DistanceKm, need.RadiusKm) / need.RadiusKm), weight);

    private static Criterion Lot(Need need, Offer offer, double weight)
    {
        var range = offer is { LotMin: null, LotMax: null } ? "unknown" : $"{Text(offer.LotMin)}–{Text(offer.LotMax)}";
        if (need.LotSize is not { } lot)
        {
            return Rate("lot_size", "—", range, 1, weight);
        }

        var value = offer is { LotMin: null, LotMax: null } ? 0.5
            : (offer.LotMin is null || lot >= offer.LotMin) && (offer.LotMax is null || lot <= offer.LotMax) ? 1 : 0;
        return Rate("lot_size", Text(lot), range, value, weight);
    }

    /// <summary>Lead time in half the time left is full marks, in all of it half, later nothing.</summary>
    private static Criterion LeadTime(Need need, Offer offer, double weight)
    {
        if (offer.LeadDays is not { } lead)
        {
            return Rate("lead_days", need.DaysUntilDue is { } d ? $"≤ {d}" : "—", "unknown", need.DaysUntilDue is null ? 0.5 : 0.25, weight);
        }

        if (need.DaysUntilDue is not { } days)
        {
            return Rate("lead_days", "—", Text(lead), 1, weight);
        }

        var value = lead > days ? 0 : days == 0 ? 1 : Math.Min(1, 1 - (0.5 * Math.Max(0, lead - (days / 2.0)) / (days / 2.0)));
        return Rate("lead_days", $"≤ {days}", Text(lead), value, weight);
    }

    /// <summary>Half of the capacity free is full marks; an expired or hidden declaration counts as none.</summary>
    private static Criterion SpareCapacity(Offer offer, double weight) =>
        Rate("spare_capacity_pct", "preferred", offer.SpareCapacityPct is { } pct ? Text(pct) : "unknown",
            offer.SpareCapacityPct is { } spare ? Math.Min(1, spare / 50.0) : 0, weight);

    private static Criterion Rate(string name, string required, string offered, double value, double weight)
    {
        var met = value >= 1 ? Outcome.Met : value > 0 ? Outcome.Partial : Outcome.Unmet;
        return new Criterion(name, required, offered, met, Math.Round(weight, 6), Math.Round(weight * value, 6));
    }

    private static string Text(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";
}
