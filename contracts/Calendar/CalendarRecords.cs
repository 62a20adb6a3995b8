using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Calendar;

[Description("Days a site is closed beyond its weekly closed days. Dated (everyYear false): from and to as given. Every year: "
    + "the month-day range repeats, and a range over the year end has its to in the year after its from (12-29 to the next 01-03).")]
public sealed record SupplierClosedPeriod
{
    [Description("The first closed day.")]
    [Required]
    public required DateOnly From { get; init; }

    [Description("The last closed day (at most 31 days after from, counting both).")]
    [Required]
    public required DateOnly To { get; init; }

    [Description("True for a range that repeats every year (お盆, 年末年始); only month and day count then.")]
    public bool EveryYear { get; init; }

    [Description("What the period is: お盆休み, 年末年始, 設備点検.")]
    [Required, MaxLength(40)]
    public required string Label { get; init; }
}

[Description("A site's own closed days, replaced as a whole. Public holidays (/api/v1/calendar/holidays) need not be listed: they are closed days everywhere.")]
public sealed record SupplierCalendarInput
{
    [Description("Weekdays the site is closed every week; [saturday, sunday] for a site that keeps the usual week, [sunday] for one that works Saturdays. At least one day stays open.")]
    [Required, MaxLength(7)]
    public required IReadOnlyList<DayOfWeek> WeeklyClosed { get; init; }

    [Description("Closed periods, at most 30.")]
    [Required, MaxLength(30)]
    public required IReadOnlyList<SupplierClosedPeriod> Closed { get; init; }
}

[Description("A site's own closed days. A site that never set them keeps Saturdays and Sundays closed and no periods (version 0).")]
public sealed record SupplierCalendar
{
    public required Guid SupplierId { get; init; }

    [MaxLength(6)]
    public required IReadOnlyList<DayOfWeek> WeeklyClosed { get; init; }

    [MaxLength(30)]
    public required IReadOnlyList<SupplierClosedPeriod> Closed { get; init; }

    [Description("The calendar's version (If-Match for a replacement); 0 until the site first sets it.")]
    [Range(0, int.MaxValue)]
    public required int Version { get; init; }

    [Description("When the calendar was last set; absent until then.")]
    public DateTimeOffset? UpdatedAt { get; init; }
}

[Description("A Japanese public holiday: 国民の祝日, 振替休日 or 国民の休日 (named 休日).")]
public sealed record PublicHolidayItem
{
    public required DateOnly Date { get; init; }

    [Description("The name in the caller's language (Accept-Language).")]
    [MaxLength(100)]
    public required string Name { get; init; }
}

[Description("The public holidays of one year, from the data set the service ships (docs/calendar.md).")]
public sealed record PublicHolidayYear
{
    [Range(1900, 2200)]
    public required int Year { get; init; }

    [Description("False for a year outside the data set: no holiday is known, and business days there count none.")]
    public required bool Known { get; init; }

    [Description("The last year the data set lists.")]
    [Range(1970, 9999)]
    public required int LastKnownYear { get; init; }

    [MaxLength(30)]
    public required IReadOnlyList<PublicHolidayItem> Holidays { get; init; }
}
