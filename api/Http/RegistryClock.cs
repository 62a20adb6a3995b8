namespace Registry.Api.Http;

/// <summary>
/// The registry's calendar: "today" for certificate expiry, spare-capacity validity and due dates, always from the
/// injected <see cref="TimeProvider"/> (tests move it), never from the machine's clock. One definition, so that a
/// change of the day's boundary (UTC today) is made in one place.
/// </summary>
public static class RegistryClock
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
