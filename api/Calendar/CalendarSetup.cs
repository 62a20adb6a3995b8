namespace Registry.Api.Calendar;

public static class CalendarSetup
{
    /// <summary>The business calendar with Japan's public holidays, loaded once from the embedded data set.</summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services) =>
        services.AddSingleton(_ => BusinessCalendar.LoadEmbedded());
}
