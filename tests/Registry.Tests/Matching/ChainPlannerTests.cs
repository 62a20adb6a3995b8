using Registry.Api.Search.Index;
using static Registry.Api.Matching.ChainPlanner;

namespace Registry.Tests.Matching;

public sealed class ChainPlannerTests
{
    private static readonly (double Lat, double Lon) s_toyota = (35.0826, 137.1560), s_okazaki = (34.9551, 137.1743), s_nagoya = (35.1815, 136.9066);

    [Fact]
    public void TheSameSiteDoingConsecutiveStepsTravelsNothingAndHandsNothingOver()
    {
        var a = Site("00000000-0000-7000-8000-00000000000a", "F", 0.8, s_toyota);
        var b = Site("00000000-0000-7000-8000-00000000000b", "G", 0.9, s_okazaki);
        var c = Site("00000000-0000-7000-8000-00000000000c", "H", 0.9, s_nagoya);

        // a→a: −80 − 80 = −160; b→a: −90 + 14.2 + 30 − 80 ≈ −125.8; b→c: −90 + 30.2 + 30 − 90 ≈ −119.8; a→c: −80 + 25.5 + 30 − 90 ≈ −114.5.
        var chains = Plan([[a, b], [a, c]], count: 4);

        Assert.Equal([a, a], chains[0].Assignments);
        Assert.Equal(0, chains[0].TotalKm);
        Assert.Equal(1, chains[0].Firms);
        Assert.Equal(-160, chains[0].Cost, 6);
        Assert.Equal([b, a], chains[1].Assignments);
        Assert.Equal(Math.Round(GreatCircle.Metres(s_okazaki.Lat, s_okazaki.Lon, s_toyota.Lat, s_toyota.Lon) / 1000, 2), chains[1].Legs.Single().Km);
        Assert.Equal([[b, c], [a, c]], chains.Skip(2).Select(ch => ch.Assignments));
    }

    [Fact]
    public void AStepNothingCanDoIsAGapThatTheLegsBridge()
    {
        var a = Site("00000000-0000-7000-8000-00000000000a", "F", 0.7, s_toyota);
        var c = Site("00000000-0000-7000-8000-00000000000c", "H", 0.6, s_nagoya);

        var chain = Plan([[a], [], [c]]).Single();

        Assert.Equal([a, null, c], chain.Assignments);
        Assert.Equal([1], chain.Gaps);
        Assert.Equal(new Leg(0, 2, chain.TotalKm), chain.Legs.Single());
        Assert.Equal(0.6667, chain.Completeness);
        Assert.Equal(2, chain.Firms);
    }

    [Fact]
    public void TheDeliveryLegRunsFromTheLastDoableStepToTheDeliveryPoint()
    {
        var a = Site("00000000-0000-7000-8000-00000000000a", "F", 0.7, s_toyota);
        var c = Site("00000000-0000-7000-8000-00000000000c", "H", 0.6, s_nagoya);

        // The last step is a gap: the parts leave from step 2's site (index 1), and the leg ends past the steps.
        var chain = Plan([[a], [c], []]).Single();
        var delivery = Delivery(chain, s_okazaki.Lat, s_okazaki.Lon);

        Assert.Equal(new Leg(1, 3, Math.Round(GreatCircle.Metres(s_nagoya.Lat, s_nagoya.Lon, s_okazaki.Lat, s_okazaki.Lon) / 1000, 2)), delivery);
        Assert.InRange(delivery!.Km, 25, 40);
        Assert.Equal(0, Delivery(Plan([[a]]).Single(), s_toyota.Lat, s_toyota.Lon)!.Km);
        Assert.Null(Delivery(Plan([[], []]).Single(), s_toyota.Lat, s_toyota.Lon));
    }

    [Fact]
    public void NothingInTheRegionMeansNoChainButEveryStepNamed()
    {
        var chain = Plan([[], []]).Single();

        Assert.Equal([null, null], chain.Assignments);
        Assert.Equal([0, 1], chain.Gaps);
        Assert.Equal(0, chain.Completeness);
    }

    [Fact]
    public void TiesGoToTheSmallerIdWhateverTheInputOrder()
    {
        var first = Site("00000000-0000-7000-8000-000000000001", "F", 0.5, s_toyota);
        var second = Site("00000000-0000-7000-8000-000000000002", "G", 0.5, s_toyota);

        Assert.Equal(first, Plan([[first, second]])[0].Assignments[0]);
        Assert.Equal(first, Plan([[second, first]])[0].Assignments[0]);
        Assert.Equal(Describe(Plan([[second, first]])), Describe(Plan([[first, second]])));
    }

    [Fact]
    public void AHandoverCanOutweighABetterScore()
    {
        // One firm does both steps fairly (0.6 each) at one site; two firms would score 0.7 each but hand over 30 km apart.
        var same = Site("00000000-0000-7000-8000-00000000000a", "F", 0.6, s_toyota);
        var one = Site("00000000-0000-7000-8000-00000000000b", "G", 0.7, s_okazaki);
        var two = Site("00000000-0000-7000-8000-00000000000c", "H", 0.7, s_nagoya);

        var best = Plan([[same, one], [same, two]])[0];

        Assert.Equal([same, same], best.Assignments);
    }

    [Fact]
    public void FiveStepsWithTenCandidatesEachReturnTheRequestedNumberOfDistinctChainsCheapestFirst()
    {
        var random = new Random(5);
        var steps = Enumerable.Range(0, 5).Select(_ => (IReadOnlyList<Candidate>)[.. Enumerable.Range(0, 10).Select(_ =>
            new Candidate(Guid.CreateVersion7(), $"firm{random.Next(6)}", Math.Round(random.NextDouble(), 3), 35 + random.NextDouble(), 137 + random.NextDouble()))]).ToList();

        var chains = Plan(steps, count: 3);

        Assert.Equal(3, chains.Count);
        Assert.Equal(chains.OrderBy(c => c.Cost).Select(c => c.Cost), chains.Select(c => c.Cost));
        Assert.Equal(3, chains.Select(c => string.Join(',', c.Assignments.Select(a => a!.SiteId))).Distinct().Count());
        // No assignment beats the best by brute force over all 10^5 chains.
        Assert.Equal(BruteForceBest(steps), chains[0].Cost, 3);
    }

    private static double BruteForceBest(List<IReadOnlyList<Candidate>> steps)
    {
        var best = double.MaxValue;
        void Walk(int step, Candidate? previous, double cost)
        {
            if (step == steps.Count)
            {
                best = Math.Min(best, cost);
                return;
            }

            foreach (var c in steps[step])
            {
                var leg = previous is null ? 0 : (previous.SiteId == c.SiteId ? 0 : GreatCircle.Metres(previous.Lat, previous.Lon, c.Lat, c.Lon) / 1000)
                    + (previous.Firm == c.Firm ? 0 : HandoverKm);
                Walk(step + 1, c, cost + leg - (c.Score * ScorePointKm));
            }
        }

        Walk(0, null, 0);
        return Math.Round(best, 4);
    }

    private static IEnumerable<string> Describe(IReadOnlyList<Chain> chains) =>
        chains.Select(c => $"{string.Join(',', c.Assignments.Select(a => a?.SiteId))} {c.Cost}");

    private static Candidate Site(string id, string firm, double score, (double Lat, double Lon) at) => new(Guid.Parse(id), firm, score, at.Lat, at.Lon);
}
