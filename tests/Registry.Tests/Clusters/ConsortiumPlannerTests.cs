using Registry.Api.Clusters;

namespace Registry.Tests.Clusters;

public sealed class ConsortiumPlannerTests
{
    private static readonly Guid s_a = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid s_b = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid s_c = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static ConsortiumPlanner.Site Site(Guid id, string firm, double lon, bool verified = false, int? spare = null, params string[] processes) =>
        new(id, firm, processes, 35.0, lon, verified, spare);

    [Fact]
    public void ScoreRewardsVerificationAndVisibleSpareCapacity()
    {
        Assert.Equal(0.5, ConsortiumPlanner.Score(Site(s_a, "a", 137)));
        Assert.Equal(1.0, ConsortiumPlanner.Score(Site(s_a, "a", 137, verified: true, spare: 100)));
        Assert.Equal(0.6, ConsortiumPlanner.Score(Site(s_a, "a", 137, spare: 40)), 10);
        Assert.Equal(0.75, ConsortiumPlanner.Score(Site(s_a, "a", 137, spare: 250)), 10);
    }

    [Fact]
    public void MembersCoverTheStepsTheyDoAndTheRestAreNamedAsGaps()
    {
        var members = new[]
        {
            Site(s_a, "a", 137.00, processes: ["machining", "machining.turning"]),
            Site(s_b, "b", 137.05, processes: ["surface", "surface.plating"]),
        };

        var chain = ConsortiumPlanner.Propose(["machining.turning", "heat_treatment", "surface.plating"], members);

        Assert.Equal([s_a, null, s_b], chain.Assignments.Select(a => a?.SiteId));
        Assert.Equal([1], chain.Gaps);
        Assert.Equal(0.6667, chain.Completeness);
    }

    [Fact]
    public void OneFirmDoingConsecutiveStepsBeatsAHandoverToASlightlyBetterSite()
    {
        var members = new[]
        {
            Site(s_a, "a", 137.00, verified: true, processes: ["machining.turning"]),
            Site(s_b, "b", 137.01, processes: ["machining.turning", "heat_treatment"]),
        };

        var chain = ConsortiumPlanner.Propose(["machining.turning", "heat_treatment"], members);

        Assert.Equal([s_b, s_b], chain.Assignments.Select(a => a?.SiteId));
        Assert.Equal((1, 0.0), (chain.Firms, chain.TotalKm));
    }

    [Fact]
    public void NoMembersLeaveEveryStepAGap()
    {
        var chain = ConsortiumPlanner.Propose(["machining.turning", "surface.plating"], [Site(s_c, "c", 137, processes: ["assembly"])]);

        Assert.Equal([0, 1], chain.Gaps);
        Assert.Equal(0, chain.Completeness);
    }
}
