namespace Registry.Api.Calendar;

/// <summary>
/// Days a site is closed beyond its weekly closed days: a works holiday on given dates (<paramref name="EveryYear"/>
/// false), or a month-day range that repeats every year (Obon 08-13..08-16; New Year 12-29..01-03, which crosses the
/// year end: <paramref name="To"/> then lies in the year after <paramref name="From"/>, and only month and day count).
/// </summary>
public sealed record ClosedPeriod(DateOnly From, DateOnly To, bool EveryYear, string Label)
{
    public bool Covers(DateOnly day)
    {
        if (!EveryYear)
        {
            return From <= day && day <= To;
        }

        // Month and day as one number (0813) compare in calendar order, and 02-29 needs no date of its own.
        var from = (From.Month * 100) + From.Day;
        var to = (To.Month * 100) + To.Day;
        var on = (day.Month * 100) + day.Day;
        return To.Year > From.Year ? on >= from || on <= to : on >= from && on <= to;
    }
}

/// <summary>When one site works: the weekdays it is closed every week and its closed periods (stored per site, migration 0022).</summary>
public sealed record SiteCalendar(IReadOnlySet<DayOfWeek> WeeklyClosed, IReadOnlyList<ClosedPeriod> Closed)
{
    /// <summary>What a site that never set its calendar is taken to keep: closed on Saturdays and Sundays, no periods.</summary>
    public static SiteCalendar Default { get; } = new(new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday }, []);
}
