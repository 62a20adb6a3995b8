using Registry.Api.Analytics;

namespace Registry.Tests.Analytics;

public sealed class DemandGapsCounterTests
{
    private static DemandGapsCounter.AskedStep Step(int request, string process, int candidates, string month = "2026-10", string? municipality = "232114",
        double? side = null, params string[] certifications) => new()
        {
            RequestId = new Guid(request, 0, 0, new byte[8]),
            ProcessCode = process,
            Candidates = candidates,
            Month = month,
            MunicipalityCode = municipality,
            LongestSideMm = side,
            Certifications = certifications,
        };

    [Fact]
    public void StepsAreCountedAsAskedUnservedAndThinPerKeyWorstServedFirst()
    {
        var gaps = DemandGapsCounter.Count(
        [
            Step(1, "machining.turning", 5, side: 80),
            Step(1, "inspection.cmm", 0, side: 80, certifications: ["jisq_9100"]),
            Step(2, "machining.turning", 2, month: "2026-11", municipality: null, side: 2500),
            Step(3, "inspection.cmm", 0, month: "2026-11", certifications: ["jisq_9100", "iso_9001"]),
        ]);

        Assert.Equal(3, gaps.Requests);
        Assert.Equal([("inspection.cmm", 2, 2, 0), ("machining.turning", 2, 0, 1)], gaps.Processes.Select(r => (r.Key, r.Asked, r.Unserved, r.Thin)));
        Assert.Equal([("jisq_9100", 2, 2, 0), ("iso_9001", 1, 1, 0)], gaps.Certifications.Select(r => (r.Key, r.Asked, r.Unserved, r.Thin)));
        Assert.Equal([("≤100", 2, 1, 0), ("unspecified", 1, 1, 0), (">2000", 1, 0, 1)], gaps.Envelopes.Select(r => (r.Key, r.Asked, r.Unserved, r.Thin)));
        Assert.Equal([("232114", 3, 2, 0), ("unknown", 1, 0, 1)], gaps.Municipalities.Select(r => (r.Key, r.Asked, r.Unserved, r.Thin)));
        Assert.Equal([("2026-10", 2, 1, 0), ("2026-11", 2, 1, 1)], gaps.Months.Select(r => (r.Key, r.Asked, r.Unserved, r.Thin)));
    }

    [Theory]
    [InlineData(null, "unspecified")]
    [InlineData(100.0, "≤100")]
    [InlineData(100.5, "≤500")]
    [InlineData(2000.0, "≤2000")]
    [InlineData(2000.1, ">2000")]
    public void SizesAreBucketedByTheLongestSide(double? side, string bucket) => Assert.Equal(bucket, DemandGapsCounter.SizeOf(side));
}
