using System.Threading.RateLimiting;

namespace Registry.Api.RateLimits;

/// <summary>
/// A fixed-window limiter whose windows are aligned to the clock (every <c>window</c> since the Unix epoch), so the
/// time until the quota resets is known exactly and can be told to the caller in the RateLimit header. It never
/// queues: a request over the quota is refused at once with the seconds until the next window.
/// </summary>
public sealed class ClockWindowLimiter(int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private readonly Lock _gate = new();
    private long _windowIndex = -1;
    private int _used;
    private DateTimeOffset _lastUsed = clock.GetUtcNow();
    private long _successful;
    private long _failed;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _used == 0 ? clock.GetUtcNow() - _lastUsed : null;
            }
        }
    }

    /// <summary>The time left in the current window, from the clock alone.</summary>
    public static TimeSpan UntilReset(TimeProvider clock, TimeSpan window)
    {
        var ticks = clock.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return TimeSpan.FromTicks(window.Ticks - (ticks % window.Ticks));
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_gate)
        {
            Roll();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = permitLimit - _used,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permitLimit);
        lock (_gate)
        {
            Roll();
            _lastUsed = clock.GetUtcNow();
            if (permitCount == 0 ? _used < permitLimit : _used + permitCount <= permitLimit)
            {
                _used += permitCount;
                _successful++;
                return Lease.Acquired;
            }

            _failed++;
            return new Lease(false, UntilReset(clock, window));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Roll()
    {
        var index = (clock.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / window.Ticks;
        if (index != _windowIndex)
        {
            _windowIndex = index;
            _used = 0;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
