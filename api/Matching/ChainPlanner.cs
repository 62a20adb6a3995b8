using Registry.Api.Search.Index;

namespace Registry.Api.Matching;

/// <summary>
/// Region-complete chains (DESIGN §5): assigns one candidate to each step of a request so that few firms hand the
/// part on, the transport legs are short and the scores are high — a dynamic programme over the steps that keeps the
/// best few partial chains ending at each candidate, O(n·K²·best). Steps without a candidate are the region's gaps:
/// a chain skips them and its legs join the steps on either side. Pure and deterministic (ties by candidate ids).
/// </summary>
public static class ChainPlanner
{
    /// <summary>A handover to another firm weighs as much as this many kilometres of transport (packing, paperwork,
    /// incoming inspection); the same firm doing consecutive steps hands nothing over.</summary>
    public const double HandoverKm = 30;

    /// <summary>One full score point (1.0) is worth this many kilometres.</summary>
    public const double ScorePointKm = 100;

    /// <summary>A ranked candidate for a step: the site, the firm it belongs to (same firm = same key), its score and place.</summary>
    public sealed record Candidate(Guid SiteId, string Firm, double Score, double Lat, double Lon);

    public sealed record Leg(int FromStep, int ToStep, double Km);

    public sealed record Chain(
        IReadOnlyList<Candidate?> Assignments, IReadOnlyList<Leg> Legs, double TotalKm, int Firms, double Completeness,
        IReadOnlyList<int> Gaps, double Cost);

    /// <summary>The best <paramref name="count"/> chains, cheapest first; each step's candidates are its top K.</summary>
    public static IReadOnlyList<Chain> Plan(IReadOnlyList<IReadOnlyList<Candidate>> steps, int count = 3)
    {
        var doable = Enumerable.Range(0, steps.Count).Where(i => steps[i].Count > 0).ToList();
        var gaps = Enumerable.Range(0, steps.Count).Where(i => steps[i].Count == 0).ToList();
        if (doable.Count == 0)
        {
            return [new Chain([.. steps.Select(_ => (Candidate?)null)], [], 0, 0, 0, gaps, 0)];
        }

        // Partial chains ending at each candidate of the current doable step, best first.
        var frontier = Candidates(steps[doable[0]])
            .Select(c => new List<Partial> { new([c], -c.Score * ScorePointKm, 0) })
            .ToList();
        for (var d = 1; d < doable.Count; d++)
        {
            var candidates = Candidates(steps[doable[d]]);
            var next = new List<List<Partial>>(candidates.Count);
            foreach (var candidate in candidates)
            {
                var extended = new List<Partial>();
                foreach (var partial in frontier.SelectMany(p => p))
                {
                    var previous = partial.Path[^1];
                    var km = Km(previous, candidate);
                    var handover = previous.Firm == candidate.Firm ? 0 : HandoverKm;
                    extended.Add(new Partial([.. partial.Path, candidate], partial.Cost + km + handover - (candidate.Score * ScorePointKm), partial.Km + km));
                }

                next.Add([.. extended.OrderBy(p => p, PartialOrder.Instance).Take(count)]);
            }

            frontier = next;
        }

        return [.. frontier.SelectMany(p => p).OrderBy(p => p, PartialOrder.Instance).Take(count).Select(p => ToChain(p, steps.Count, doable, gaps))];
    }

    private sealed record Partial(IReadOnlyList<Candidate> Path, double Cost, double Km);

    /// <summary>Cheapest first; equal costs by the sites' ids step by step, so that the result never depends on input order.</summary>
    private sealed class PartialOrder : IComparer<Partial>
    {
        public static readonly PartialOrder Instance = new();

        public int Compare(Partial? x, Partial? y)
        {
            var byCost = Math.Round(x!.Cost, 9).CompareTo(Math.Round(y!.Cost, 9));
            if (byCost != 0)
            {
                return byCost;
            }

            for (var i = 0; i < x.Path.Count && i < y.Path.Count; i++)
            {
                var byId = x.Path[i].SiteId.CompareTo(y.Path[i].SiteId);
                if (byId != 0)
                {
                    return byId;
                }
            }

            return x.Path.Count.CompareTo(y.Path.Count);
        }
    }

    private static List<Candidate> Candidates(IReadOnlyList<Candidate> step) =>
        [.. step.DistinctBy(c => c.SiteId).OrderByDescending(c => c.Score).ThenBy(c => c.SiteId)];

    private static Chain ToChain(Partial partial, int stepCount, List<int> doable, List<int> gaps)
    {
        var assignments = new Candidate?[stepCount];
        for (var d = 0; d < doable.Count; d++)
        {
            assignments[doable[d]] = partial.Path[d];
        }

        var legs = new List<Leg>();
        for (var d = 1; d < doable.Count; d++)
        {
            legs.Add(new Leg(doable[d - 1], doable[d], Math.Round(Km(partial.Path[d - 1], partial.Path[d]), 2)));
        }

        return new Chain(
            assignments,
            legs,
            Math.Round(partial.Km, 2),
            partial.Path.Select(c => c.Firm).Distinct(StringComparer.Ordinal).Count(),
            Math.Round((double)doable.Count / stepCount, 4),
            gaps,
            Math.Round(partial.Cost, 4));
    }

    /// <summary>
    /// The last leg of a chain: from the site of the last step the region can do to the delivery point, in great-circle
    /// kilometres; null when no step is doable. It is shown, not planned on: every chain ends at the same point, and a
    /// nearer last site already scores better on distance.
    /// </summary>
    public static Leg? Delivery(Chain chain, double lat, double lon)
    {
        var last = chain.Assignments.Select((a, i) => (Site: a, Step: i)).LastOrDefault(a => a.Site is not null);
        return last.Site is { } site
            ? new Leg(last.Step, chain.Assignments.Count, Math.Round(GreatCircle.Metres(site.Lat, site.Lon, lat, lon) / 1000, 2))
            : null;
    }

    /// <summary>Great-circle kilometres between two sites; zero for the same site (a firm doing consecutive steps there).</summary>
    private static double Km(Candidate from, Candidate to) =>
        from.SiteId == to.SiteId ? 0 : GreatCircle.Metres(from.Lat, from.Lon, to.Lat, to.Lon) / 1000;
}
