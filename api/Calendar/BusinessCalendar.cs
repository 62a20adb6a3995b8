using System.Text.RegularExpressions;

namespace Registry.Api.Calendar;

/// <summary>A Japanese public holiday (国民の祝日, 振替休日 and 国民の休日), named as the data set names it.</summary>
public sealed record PublicHoliday(DateOnly Date, string NameJa, string NameEn);

/// <summary>
/// Business days at a site (DESIGN §11: an order route's expected arrival is counted in them): a day is a business day
/// unless it is one of the site's weekly closed days, a Japanese public holiday, or in one of the site's closed periods.
/// The holidays come from the package @holiday-jp/holiday_jp (docs/calendar.md), loaded once. Its years after the
/// Cabinet Office's announced list (published each February for the next year) are the package's computation from the
/// holiday law, and after <see cref="LastKnownYear"/> nothing is known: such days count as no holiday, so a date that
/// far ahead may be a day early. Pure: no clock, no I/O after loading.
/// </summary>
public sealed partial class BusinessCalendar
{
    // A calendar with no business day at all (every weekday closed, or periods back to back for years) would make the
    // walk below endless; the API refuses such calendars, and ten years of closed days is taken as one.
    private const int MaxClosedRun = 3660;

    private readonly Dictionary<DateOnly, PublicHoliday> _holidays;

    public BusinessCalendar(IEnumerable<PublicHoliday> holidays)
    {
        _holidays = holidays.ToDictionary(h => h.Date);
        if (_holidays.Count == 0)
        {
            throw new ArgumentException("No public holidays: the data set is empty or its format changed.", nameof(holidays));
        }

        FirstKnownYear = _holidays.Keys.Min().Year;
        LastKnownYear = _holidays.Keys.Max().Year;
    }

    /// <summary>The first year the data set lists holidays for (1970).</summary>
    public int FirstKnownYear { get; }

    /// <summary>The last year the data set lists holidays for; later days are counted as no holiday.</summary>
    public int LastKnownYear { get; }

    /// <summary>The embedded data set (api/Calendar/data, the package's lib/holidays.js).</summary>
    public static BusinessCalendar LoadEmbedded()
    {
        using var stream = typeof(BusinessCalendar).Assembly.GetManifestResourceStream("Registry.Api.Calendar.holidays.js")
            ?? throw new InvalidOperationException("The public-holiday data set is not embedded; run 'npm ci' in api/Calendar/data.");
        using var reader = new StreamReader(stream);
        return new BusinessCalendar(Parse(reader.ReadToEnd()));
    }

    /// <summary>
    /// The package ships its data as a JavaScript object literal (lib/holidays.js), one entry per holiday with the same
    /// fields in the same order: <c>date: "2026-01-01", week: "木", week_en: "Thursday", name: "元日", name_en: "New Year's Day"</c>.
    /// Every entry must read, or the data set's format changed and this must be looked at.
    /// </summary>
    internal static IReadOnlyList<PublicHoliday> Parse(string script)
    {
        var holidays = Entry().Matches(script)
            .Select(m => new PublicHoliday(DateOnly.ParseExact(m.Groups["date"].Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["ja"].Value, m.Groups["en"].Value))
            .ToList();
        var declared = DateField().Count(script);
        if (holidays.Count != declared)
        {
            throw new InvalidOperationException($"Read {holidays.Count} of the {declared} holidays in the data set: its format changed.");
        }

        return holidays;
    }

    public bool IsPublicHoliday(DateOnly day) => _holidays.ContainsKey(day);

    /// <summary>The holiday's name in Japanese (元日, 休日 for a 国民の休日, こどもの日 振替休日) or English; null on other days.</summary>
    public string? HolidayName(DateOnly day, bool english) =>
        _holidays.TryGetValue(day, out var holiday) ? english ? holiday.NameEn : holiday.NameJa : null;

    /// <summary>The year's public holidays in date order (none for a year outside the data set).</summary>
    public IReadOnlyList<PublicHoliday> HolidaysIn(int year) =>
        [.. _holidays.Values.Where(h => h.Date.Year == year).OrderBy(h => h.Date)];

    public bool IsBusinessDay(DateOnly day, SiteCalendar site) =>
        !site.WeeklyClosed.Contains(day.DayOfWeek) && !IsPublicHoliday(day) && !site.Closed.Any(p => p.Covers(day));

    /// <summary>
    /// The day on which <paramref name="days"/> business days are done, counted from the day after
    /// <paramref name="start"/> (start on Friday, 1 day → the next business day). 0 days is <paramref name="start"/>
    /// itself when it is a business day, else the next business day. Negative days are refused.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int days, SiteCalendar site)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return IsBusinessDay(start, site) ? start : Next(start, site);
        }

        var day = start;
        for (var i = 0; i < days; i++)
        {
            day = Next(day, site);
        }

        return day;
    }

    /// <summary>The business days in (<paramref name="from"/>, <paramref name="to"/>]: 0 when equal, negative when <paramref name="to"/> is earlier.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to, SiteCalendar site)
    {
        if (to < from)
        {
            return -BusinessDaysBetween(to, from, site);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day, site))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first business day after <paramref name="day"/>.</summary>
    private DateOnly Next(DateOnly day, SiteCalendar site)
    {
        for (var i = 1; i <= MaxClosedRun; i++)
        {
            var next = day.AddDays(i);
            if (IsBusinessDay(next, site))
            {
                return next;
            }
        }

        throw new ArgumentException($"The site's calendar has no business day in the {MaxClosedRun} days after {day:yyyy-MM-dd}.", nameof(site));
    }

    [GeneratedRegex("""date:\s*"(?<date>\d{4}-\d{2}-\d{2})",\s*week:\s*"[^"]*",\s*week_en:\s*"[^"]*",\s*name:\s*"(?<ja>[^"]+)",\s*name_en:\s*"(?<en>[^"]+)"\s*}""")]
    private static partial Regex Entry();

    [GeneratedRegex(@"\bdate:\s*""")]
    private static partial Regex DateField();
}
