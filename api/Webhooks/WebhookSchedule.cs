namespace Registry.Api.Webhooks;

/// <summary>
/// When a failed delivery is tried again: exponential backoff from the base (30 s, 1 min, 2 min, … capped at 6 h)
/// with full jitter, so that receivers coming back are not hit by every sender at once; after the last attempt it
/// is parked until someone redelivers it. Pure.
/// </summary>
public static class WebhookSchedule
{
    private static readonly TimeSpan s_cap = TimeSpan.FromHours(6);

    /// <summary>The wait after the given failed attempt (1-based), or null when it was the last: park it.</summary>
    public static TimeSpan? After(int attempt, double random, WebhookOptions options)
    {
        if (attempt >= options.MaxAttempts)
        {
            return null;
        }

        var ceiling = Math.Min(s_cap.TotalSeconds, options.RetryBaseSeconds * Math.Pow(2, attempt - 1));
        // Full jitter, but never sooner than a tenth of the base.
        return TimeSpan.FromSeconds(Math.Max(options.RetryBaseSeconds / 10, ceiling * Math.Clamp(random, 0, 1)));
    }
}
