// The answer type of SearchIndex.Nearest, on its own so that callers outside Search (matching) depend on Search's
// vocabulary and Search on nothing of theirs.
namespace Registry.Api.Search.Index;

/// <summary>
/// What the index knows about a site near a point, as the caller may see it: a field the caller's disclosure level
/// hides is null, as is one the site does not state. <see cref="Firm"/> is the corporate number, or the site's
/// id when it has none; the last four fields are of the site's best capability row among the processes asked about
/// (tightest tolerance first); <see cref="Certifications"/> are the unexpired ones, in code order.
/// </summary>
public sealed record NearbySite(
    Guid Id, string NameJa, string? MunicipalityCode, double Lat, double Lon, double DistanceKm, bool Verified, string Firm,
    int? SpareCapacityPct, int? TypicalLeadDays, IReadOnlyList<string>? Certifications, bool? HasInspection,
    double? ToleranceUm, int? LotMin, int? LotMax, int? LeadDays);
