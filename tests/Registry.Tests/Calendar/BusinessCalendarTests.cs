using Registry.Api.Calendar;

namespace Registry.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar s_calendar = BusinessCalendar.LoadEmbedded();

    private static readonly SiteCalendar s_obonAndNewYear = new(
        new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday },
        [
            new ClosedPeriod(new DateOnly(2026, 8, 13), new DateOnly(2026, 8, 16), EveryYear: true, "お盆休み"),
            new ClosedPeriod(new DateOnly(2026, 12, 29), new DateOnly(2027, 1, 3), EveryYear: true, "年末年始"),
        ]);

    private static readonly SiteCalendar s_worksSaturdays = new(new HashSet<DayOfWeek> { DayOfWeek.Sunday }, []);

    /// <summary>
    /// 内閣府「国民の祝日について」 for 2026 and 2027, written here by hand: the 国民の祝日, the 振替休日 (2026-05-06 for
    /// 憲法記念日 on a Sunday, 2027-03-22 for 春分の日 on a Sunday) and the 国民の休日 (2026-09-22, between 敬老の日 and 秋分の日).
    /// </summary>
    public static TheoryData<int, string[]> OfficialHolidays => new()
    {
        {
            2026,
            ["01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04", "05-05", "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23"]
        },
        {
            2027,
            ["01-01", "01-11", "02-11", "02-23", "03-21", "03-22", "04-29", "05-03", "05-04", "05-05", "07-19", "08-11", "09-20", "09-23", "10-11", "11-03", "11-23"]
        },
    };

    [Theory]
    [MemberData(nameof(OfficialHolidays))]
    public void TheDataSetListsExactlyTheCabinetOfficesHolidays(int year, string[] official)
    {
        var expected = official.Select(md => DateOnly.ParseExact($"{year}-{md}", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(expected, s_calendar.HolidaysIn(year).Select(h => h.Date));
        Assert.All(expected, d => Assert.True(s_calendar.IsPublicHoliday(d), $"{d} is a holiday"));
        var everyDay = Enumerable.Range(0, 365).Select(i => new DateOnly(year, 1, 1).AddDays(i));
        Assert.Equal(expected.Count, everyDay.Count(s_calendar.IsPublicHoliday));
    }

    [Fact]
    public void HolidaysAreNamedInJapaneseAndEnglish()
    {
        Assert.Equal("元日", s_calendar.HolidayName(new DateOnly(2026, 1, 1), english: false));
        Assert.Equal("New Year's Day", s_calendar.HolidayName(new DateOnly(2026, 1, 1), english: true));
        // The Cabinet Office's list calls 2026-05-06 only 休日 (振替休日 for 憲法記念日 on Sunday 05-03); the data set
        // names the substitute after the holiday just before it. The date is what counts.
        Assert.Equal("こどもの日 振替休日", s_calendar.HolidayName(new DateOnly(2026, 5, 6), english: false));
        Assert.Equal("Holiday in lieu", s_calendar.HolidayName(new DateOnly(2026, 5, 6), english: true));
        Assert.Equal("休日", s_calendar.HolidayName(new DateOnly(2026, 9, 22), english: false));
        Assert.Null(s_calendar.HolidayName(new DateOnly(2026, 5, 7), english: false));
    }

    [Fact]
    public void BeyondTheDataSetNoHolidayIsKnown()
    {
        Assert.True(s_calendar.LastKnownYear >= 2027);
        var after = new DateOnly(s_calendar.LastKnownYear + 1, 1, 1);

        Assert.False(s_calendar.IsPublicHoliday(after));
        Assert.Empty(s_calendar.HolidaysIn(after.Year));
        // 1 January is then a business day if its weekday is one: nothing else closes it.
        Assert.Equal(after.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), s_calendar.IsBusinessDay(after, SiteCalendar.Default));
    }

    [Fact]
    public void TheParserRefusesADataSetItCannotReadWhole()
    {
        const string Changed = """
            "2026-01-01": { date: "2026-01-01", week: "木", week_en: "Thursday", name: "元日", name_en: "New Year's Day" },
            "2026-01-12": { date: "2026-01-12", weekday: "月", name: "成人の日" },
            """;

        Assert.Throws<InvalidOperationException>(() => BusinessCalendar.Parse(Changed));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar([]));
    }

    [Fact]
    public void GoldenWeekIsSkipped()
    {
        // Thu 2026-04-30 and Fri 05-01 work; Sat 05-02 to Wed 05-06 (three holidays and a substitute) do not.
        var start = new DateOnly(2026, 4, 28);

        Assert.Equal(new DateOnly(2026, 4, 30), s_calendar.AddBusinessDays(start, 1, SiteCalendar.Default)); // 04-29 昭和の日
        Assert.Equal(new DateOnly(2026, 5, 1), s_calendar.AddBusinessDays(start, 2, SiteCalendar.Default));
        Assert.Equal(new DateOnly(2026, 5, 7), s_calendar.AddBusinessDays(start, 3, SiteCalendar.Default));
        Assert.Equal(3, s_calendar.BusinessDaysBetween(start, new DateOnly(2026, 5, 7), SiteCalendar.Default));
    }

    [Fact]
    public void NoDaysIsTheStartWhenItIsABusinessDayElseTheNextOne()
    {
        Assert.Equal(new DateOnly(2026, 4, 28), s_calendar.AddBusinessDays(new DateOnly(2026, 4, 28), 0, SiteCalendar.Default));
        Assert.Equal(new DateOnly(2026, 5, 7), s_calendar.AddBusinessDays(new DateOnly(2026, 5, 3), 0, SiteCalendar.Default));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_calendar.AddBusinessDays(new DateOnly(2026, 4, 28), -1, SiteCalendar.Default));
    }

    [Fact]
    public void ASitesNewYearClosureCrossesTheYearEnd()
    {
        // Mon 2026-12-28 is the last working day; 12-29..01-03 the site's own, 01-01 a holiday too; Mon 2027-01-04 opens.
        Assert.Equal(new DateOnly(2027, 1, 4), s_calendar.AddBusinessDays(new DateOnly(2026, 12, 28), 1, s_obonAndNewYear));
        // Without the closure, Tue 12-29, Wed 12-30, Thu 12-31 work.
        Assert.Equal(new DateOnly(2026, 12, 29), s_calendar.AddBusinessDays(new DateOnly(2026, 12, 28), 1, SiteCalendar.Default));
        // The period repeats: the next year end too, and Obon in 2027 (Fri 08-13 and Mon 08-16 closed, 08-11 山の日).
        Assert.False(s_calendar.IsBusinessDay(new DateOnly(2027, 12, 29), s_obonAndNewYear));
        Assert.False(s_calendar.IsBusinessDay(new DateOnly(2028, 1, 3), s_obonAndNewYear));
        Assert.True(s_calendar.IsBusinessDay(new DateOnly(2028, 1, 4), s_obonAndNewYear));
        Assert.Equal(new DateOnly(2027, 8, 17), s_calendar.AddBusinessDays(new DateOnly(2027, 8, 12), 1, s_obonAndNewYear));
        Assert.True(s_calendar.IsBusinessDay(new DateOnly(2027, 8, 12), s_obonAndNewYear));
    }

    [Fact]
    public void ADatedPeriodClosesOnlyItsOwnDays()
    {
        var site = SiteCalendar.Default with { Closed = [new ClosedPeriod(new DateOnly(2026, 7, 6), new DateOnly(2026, 7, 8), EveryYear: false, "設備点検")] };

        Assert.False(s_calendar.IsBusinessDay(new DateOnly(2026, 7, 7), site));
        Assert.True(s_calendar.IsBusinessDay(new DateOnly(2027, 7, 7), site));
    }

    [Fact]
    public void ASiteWorkingSaturdaysCountsThem()
    {
        // Fri 2026-06-05 + 1: Saturday 06-06 at a site that works Saturdays, Monday 06-08 at one that does not.
        Assert.Equal(new DateOnly(2026, 6, 6), s_calendar.AddBusinessDays(new DateOnly(2026, 6, 5), 1, s_worksSaturdays));
        Assert.Equal(new DateOnly(2026, 6, 8), s_calendar.AddBusinessDays(new DateOnly(2026, 6, 5), 1, SiteCalendar.Default));
        // Saturday 2026-05-02 works there; Sunday 05-03 and the holidays 05-04 to 05-06 do not.
        Assert.Equal(new DateOnly(2026, 5, 7), s_calendar.AddBusinessDays(new DateOnly(2026, 5, 2), 1, s_worksSaturdays));
        Assert.True(s_calendar.IsBusinessDay(new DateOnly(2026, 5, 2), s_worksSaturdays));
    }

    [Fact]
    public void BusinessDaysBetweenIsAntisymmetric()
    {
        var from = new DateOnly(2026, 12, 20);
        var to = new DateOnly(2027, 1, 20);

        var forward = s_calendar.BusinessDaysBetween(from, to, s_obonAndNewYear);
        Assert.True(forward > 0);
        Assert.Equal(-forward, s_calendar.BusinessDaysBetween(to, from, s_obonAndNewYear));
        Assert.Equal(0, s_calendar.BusinessDaysBetween(from, from, s_obonAndNewYear));
    }

    [Fact]
    public void AddingThenCountingGivesTheDaysBack()
    {
        // Property-style: many starts, counts and calendars from a fixed seed, so that a failure can be replayed.
        var random = new Random(17);
        SiteCalendar[] sites = [SiteCalendar.Default, s_obonAndNewYear, s_worksSaturdays,
            new(new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Wednesday }, [new ClosedPeriod(new DateOnly(2026, 4, 25), new DateOnly(2026, 5, 10), true, "連休")])];
        for (var i = 0; i < 2000; i++)
        {
            var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 365 * 3));
            var days = random.Next(1, 120);
            var site = sites[random.Next(sites.Length)];

            var end = s_calendar.AddBusinessDays(start, days, site);

            Assert.True(s_calendar.IsBusinessDay(end, site), $"{start} + {days} = {end} is a business day");
            Assert.Equal(days, s_calendar.BusinessDaysBetween(start, end, site));
            Assert.Equal(-days, s_calendar.BusinessDaysBetween(end, start, site));
        }
    }

    [Fact]
    public void ACalendarWithoutBusinessDaysIsRefusedNotWalkedForever()
    {
        var never = new SiteCalendar(Enum.GetValues<DayOfWeek>().ToHashSet(), []);

        Assert.Throws<ArgumentException>(() => s_calendar.AddBusinessDays(new DateOnly(2026, 1, 1), 1, never));
    }
}
