using Registry.Api.Gatherings;
using Registry.Contracts.Gatherings;

namespace Registry.Tests.Gatherings;

public sealed class GatheringRulesTests
{
    private static readonly DateOnly s_day = new(2027, 2, 10);

    private static GatheringInput Input(params GatheringSession[] sessions) => new()
    {
        Kind = GatheringKind.MatchingMeeting,
        TitleJa = "マッチング会",
        HeldOn = s_day,
        Capacity = 40,
        Sessions = sessions,
    };

    private static GatheringSession Session(string start, int minutes, int slots) => new() { StartsAt = start, SlotMinutes = minutes, Slots = slots, Tables = 3 };

    [Fact]
    public void SlotsRunSessionAfterSessionInJapanTime()
    {
        var slots = GatheringRules.Slots(s_day, [Session("10:00", 20, 3), Session("13:30", 30, 2)]);

        Assert.Equal([0, 0, 0, 1, 1], slots.Select(s => s.Session));
        Assert.Equal([0, 1, 2, 0, 1], slots.Select(s => s.SlotInSession));
        Assert.Equal(new DateTimeOffset(2027, 2, 10, 10, 40, 0, TimeSpan.FromHours(9)), slots[2].StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 2, 10, 5, 30, 0, TimeSpan.Zero), slots[4].EndsAt);
    }

    [Fact]
    public void SessionsMayNotOverlapNorRunPastTheDay()
    {
        Assert.Empty(GatheringRules.Check(Input(Session("10:00", 20, 3), Session("11:00", 20, 3)), s_day, creating: true));
        Assert.Contains("sessions[1]", GatheringRules.Check(Input(Session("10:00", 20, 4), Session("11:00", 20, 3)), s_day, creating: true).Keys);
        Assert.Contains("sessions[0]", GatheringRules.Check(Input(Session("23:00", 30, 3)), s_day, creating: true).Keys);
        Assert.Empty(GatheringRules.Check(Input(Session("23:00", 30, 2)), s_day, creating: true));
        Assert.Contains("sessions[0]", GatheringRules.Check(Input(Session("9:00", 20, 3)), s_day, creating: true).Keys);
    }

    [Fact]
    public void ANewGatheringIsNotInThePast()
    {
        Assert.Contains("heldOn", GatheringRules.Check(Input(Session("10:00", 20, 3)), s_day.AddDays(1), creating: true).Keys);
        Assert.Empty(GatheringRules.Check(Input(Session("10:00", 20, 3)), s_day.AddDays(1), creating: false));
    }
}
