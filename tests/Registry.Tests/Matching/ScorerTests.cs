using static Registry.Api.Matching.Scorer;

namespace Registry.Tests.Matching;

public sealed class ScorerTests
{
    private static readonly Need s_need = new(ToleranceUm: 10, RequiredCertifications: ["iso_9001"], LotSize: 100, DaysUntilDue: 20, RadiusKm: 50);

    [Fact]
    public void AnOfferBetterThanEveryCriterionScoresOne()
    {
        var offer = new Offer(0, 5, ["iso_9001", "iatf_16949", "iso_14001"], true, true, 1, 1000, 5, 50);

        var result = Score(s_need, offer, new Weights(0.4, 0.3, 0.3));

        Assert.Equal(1.0, result.Score, 6);
        Assert.All(result.Criteria, c => Assert.Equal(Outcome.Met, c.Met));
        Assert.Equal(1.0, result.Criteria.Sum(c => c.Weight), 6);
    }

    [Fact]
    public void HiddenCertificationsAndEquipmentAreNotDisclosedNotAbsent()
    {
        var hidden = Score(s_need, new Offer(10, 5, null, null, true, 1, 1000, 5, 50), new Weights(0.4, 0.3, 0.3));
        var none = Score(s_need, new Offer(10, 5, ["iso_9001"], false, true, 1, 1000, 5, 50), new Weights(0.4, 0.3, 0.3));

        Assert.Equal((NotDisclosed, Outcome.Unmet), (Find(hidden, "certifications_beyond_required").Offered, Find(hidden, "certifications_beyond_required").Met));
        Assert.Equal(NotDisclosed, Find(hidden, "inspection_equipment").Offered);
        Assert.Equal("none", Find(none, "certifications_beyond_required").Offered);
        Assert.Equal("no", Find(none, "inspection_equipment").Offered);
        // Hidden neither helps nor hurts against a site that has nothing to show.
        Assert.Equal(none.Score, hidden.Score, 6);
    }

    [Fact]
    public void AMixedOfferScoresTheHandComputedSum()
    {
        // Quality 0.5: tolerance exactly as needed 0.5·0.4·0.5 = 0.1, one extra certificate 0.5·0.2·0.5 = 0.05,
        // no inspection equipment 0, unverified 0. Cost 0.25: half the radius 0.25·0.6·0.5 = 0.075, lot range
        // unknown 0.25·0.4·0.5 = 0.05. Delivery 0.25: lead time all the days left 0.25·0.6·0.5 = 0.075, spare
        // capacity unknown 0. Total 0.35.
        var offer = new Offer(25, 10, ["iso_9001", "iso_14001"], false, false, null, null, 20, null);

        var result = Score(s_need, offer, new Weights(0.5, 0.25, 0.25));

        Assert.Equal(0.35, result.Score, 6);
        Assert.Equal(Outcome.Partial, Find(result, "tolerance_um").Met);
        Assert.Equal(Outcome.Unmet, Find(result, "inspection_equipment").Met);
        Assert.Equal(Outcome.Unmet, Find(result, "spare_capacity_pct").Met);
        Assert.Equal(("≤ 20", "20"), (Find(result, "lead_days").Required, Find(result, "lead_days").Offered));
        Assert.Equal(0.075, Find(result, "distance_km").Points, 6);
    }

    [Fact]
    public void ALeadTimePastTheDueDateAndALotOutsideTheRangeEarnNothing()
    {
        var offer = new Offer(10, 10, ["iso_9001"], true, true, 500, 5000, 30, 20);

        var result = Score(s_need, offer, new Weights(0.2, 0.4, 0.4));

        Assert.Equal(Outcome.Unmet, Find(result, "lead_days").Met);
        Assert.Equal(0, Find(result, "lead_days").Points);
        Assert.Equal(Outcome.Unmet, Find(result, "lot_size").Met);
    }

    [Fact]
    public void WhatTheCallerCannotSeeNeverRaisesAScore()
    {
        var visible = new Offer(10, 5, ["iso_9001", "iso_14001"], true, false, 1, 1000, 10, 30);
        // The same site with its certifications, equipment, capacity and capability details hidden from the caller.
        var hidden = new Offer(10, null, null, null, false, null, null, null, null);

        var weights = new Weights(0.34, 0.33, 0.33);
        Assert.True(Score(s_need, hidden, weights).Score < Score(s_need, visible, weights).Score);
        Assert.Equal(NotDisclosed, Find(Score(s_need, hidden, weights), "inspection_equipment").Offered);
        Assert.Equal(NotDisclosed, Find(Score(s_need, hidden, weights), "certifications_beyond_required").Offered);
    }

    [Fact]
    public void TheSameOfferAlwaysScoresTheSame()
    {
        var offer = new Offer(33.3, 7, ["iso_9001"], true, false, 10, 100, 12, 15);
        var weights = new Weights(0.3, 0.3, 0.4);

        var first = Score(s_need, offer, weights);
        var again = Score(s_need, offer with { }, weights);

        Assert.Equal(first.Score, again.Score);
        Assert.Equal(first.Criteria, again.Criteria);
    }

    private static Criterion Find(Result result, string name) => result.Criteria.Single(c => c.Name == name);
}
