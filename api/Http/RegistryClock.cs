namespace Registry.Api.Http;

/// <summary>
/// The registry's calendar: "today" for certificate expiry, spare-capacity validity and due dates, always from the
/// injected <see cref="TimeProvider"/> (tests move it), never from the machine's clock. One definition, so that a
/// change of the day's boundary (UTC today) is made in one place.
/// </summary>
public static class RegistryClock
{
    // Japan keeps no daylight saving time: a fixed offset is the region's clock, without a time-zone database.
    private static readonly TimeSpan s_japan = TimeSpan.FromHours(9);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The day on the region's factory floor (JST): orders, shipments and business days count in it.</summary>
    public static DateOnly RegionToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(s_japan).DateTime);
}
