using Registry.Api.Matching;

namespace Registry.Api.Clusters;

/// <summary>
/// A joint order's consortium (DESIGN §1.3): the cluster's member sites that together cover the ordered steps, chosen
/// by the chain planner — few firms, short legs between consecutive steps, verified sites with spare capacity first.
/// Steps no member can do are the chain's gaps. Pure.
/// </summary>
public static class ConsortiumPlanner
{
    /// <summary>Candidates per step the planner combines: the best by score, ties by id.</summary>
    public const int PerStep = 20;

    /// <summary>A member site: its firm, its published processes (with their ancestors), where it is, and what makes it a surer partner.</summary>
    public sealed record Site(Guid Id, string Firm, IReadOnlyCollection<string> ProcessCodes, double Lat, double Lon, bool Verified, int? SpareCapacityPct);

    /// <summary>0.5 for doing the step, plus up to 0.25 for verification and 0.25 for spare capacity (declared and visible).</summary>
    public static double Score(Site site) =>
        0.5 + (site.Verified ? 0.25 : 0) + (0.25 * Math.Clamp(site.SpareCapacityPct ?? 0, 0, 100) / 100.0);

    public static ChainPlanner.Chain Propose(IReadOnlyList<string> steps, IReadOnlyList<Site> members) =>
        ChainPlanner.Plan([.. steps.Select(step => (IReadOnlyList<ChainPlanner.Candidate>)[.. members
            .Where(m => m.ProcessCodes.Contains(step))
            .Select(m => new ChainPlanner.Candidate(m.Id, m.Firm, Score(m), m.Lat, m.Lon))
            .OrderByDescending(c => c.Score).ThenBy(c => c.SiteId)
            .Take(PerStep)])], count: 1)[0];
}
