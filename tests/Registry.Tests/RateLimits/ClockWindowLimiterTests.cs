using System.Threading.RateLimiting;
using NSubstitute;
using Registry.Api.RateLimits;

namespace Registry.Tests.RateLimits;

public sealed class ClockWindowLimiterTests
{
    private static readonly DateTimeOffset s_windowStart = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private readonly TimeProvider _clock = Substitute.For<TimeProvider>();

    public ClockWindowLimiterTests() => At(s_windowStart);

    [Fact]
    public void GrantsUpToTheLimitThenRefusesWithTheTimeLeftInTheWindow()
    {
        var limiter = new ClockWindowLimiter(2, TimeSpan.FromMinutes(1), _clock);
        At(s_windowStart.AddSeconds(15));

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var refused = limiter.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(45), retryAfter);
    }

    [Fact]
    public void QuotaComesBackWhenTheClockEntersTheNextWindow()
    {
        var limiter = new ClockWindowLimiter(1, TimeSpan.FromMinutes(1), _clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        At(s_windowStart.AddSeconds(59));
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        At(s_windowStart.AddSeconds(60));

        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void StatisticsCountRemainingPermitsAndRefusals()
    {
        var limiter = new ClockWindowLimiter(3, TimeSpan.FromMinutes(1), _clock);
        limiter.AttemptAcquire();
        limiter.AttemptAcquire();
        limiter.AttemptAcquire();
        limiter.AttemptAcquire();

        var stats = limiter.GetStatistics()!;

        Assert.Equal(0, stats.CurrentAvailablePermits);
        Assert.Equal(3, stats.TotalSuccessfulLeases);
        Assert.Equal(1, stats.TotalFailedLeases);
    }

    [Fact]
    public void IsIdleOnlyWhenNothingIsCountedInTheCurrentWindow()
    {
        var limiter = new ClockWindowLimiter(3, TimeSpan.FromMinutes(1), _clock);
        limiter.AttemptAcquire();
        Assert.Null(limiter.IdleDuration);

        At(s_windowStart.AddMinutes(2));

        Assert.NotNull(limiter.IdleDuration);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 59)]
    [InlineData(59.5, 0.5)]
    public void UntilResetIsMeasuredFromClockAlignedWindows(double secondsIntoWindow, double expected)
    {
        At(s_windowStart.AddSeconds(secondsIntoWindow));

        Assert.Equal(TimeSpan.FromSeconds(expected), ClockWindowLimiter.UntilReset(_clock, TimeSpan.FromMinutes(1)));
    }

    private void At(DateTimeOffset now) => _clock.GetUtcNow().Returns(now);
}
