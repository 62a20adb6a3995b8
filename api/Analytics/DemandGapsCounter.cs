using Registry.Contracts.Clusters;

namespace Registry.Api.Analytics;

/// <summary>
/// Demand-side gaps (DESIGN §1.3): the steps buyers asked for in opened requests, grouped by process, certification,
/// workpiece size, municipality and month, with how many found no candidate in their region (unserved) or fewer than
/// <see cref="ThinBelow"/> (thin). Counted from the candidates snapshotted when each request opened. Pure.
/// </summary>
public static class DemandGapsCounter
{
    public const int ThinBelow = 3;

    private static readonly (double Max, string Key)[] s_sizes = [(100, "≤100"), (500, "≤500"), (1000, "≤1000"), (2000, "≤2000")];

    /// <summary>One step of an opened request and the candidates it got then.</summary>
    public sealed class AskedStep
    {
        public Guid RequestId { get; init; }
        public string? MunicipalityCode { get; init; }
        public string Month { get; init; } = "";
        public string ProcessCode { get; init; } = "";
        public string[] Certifications { get; init; } = [];
        public double? LongestSideMm { get; init; }
        public int Candidates { get; init; }
    }

    public static string SizeOf(double? longestSideMm) =>
        longestSideMm is not { } side ? "unspecified" : s_sizes.FirstOrDefault(s => side <= s.Max).Key ?? ">2000";

    public static DemandGaps Count(IReadOnlyList<AskedStep> steps) => new()
    {
        Requests = steps.Select(s => s.RequestId).Distinct().Count(),
        Processes = Rows(steps, s => [s.ProcessCode]),
        Certifications = Rows(steps, s => s.Certifications),
        Envelopes = Rows(steps, s => [SizeOf(s.LongestSideMm)]),
        Municipalities = Rows(steps, s => [s.MunicipalityCode ?? "unknown"]),
        Months = [.. Rows(steps, s => [s.Month]).OrderBy(r => r.Key, StringComparer.Ordinal)],
    };

    // Worst served first: most unserved, then most thin, then most asked; ties by key.
    private static List<DemandRow> Rows(IEnumerable<AskedStep> steps, Func<AskedStep, IEnumerable<string>> keys) =>
        [.. steps.SelectMany(s => keys(s).Distinct(StringComparer.Ordinal).Select(k => (Key: k, Step: s)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => new DemandRow
            {
                Key = g.Key,
                Asked = g.Count(),
                Unserved = g.Count(x => x.Step.Candidates == 0),
                Thin = g.Count(x => x.Step.Candidates is > 0 and < ThinBelow),
            })
            .OrderByDescending(r => r.Unserved).ThenByDescending(r => r.Thin).ThenByDescending(r => r.Asked)
            .ThenBy(r => r.Key, StringComparer.Ordinal)];
}
