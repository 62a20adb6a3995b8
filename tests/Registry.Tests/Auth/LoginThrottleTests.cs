using Registry.Api.Auth;

namespace Registry.Tests.Auth;

public sealed class LoginThrottleTests
{
    [Theory]
    [InlineData(0, 50, null)]
    [InlineData(49, 50, null)]
    [InlineData(50, 50, 1)]
    [InlineData(51, 50, 2)]
    [InlineData(52, 50, 4)]
    [InlineData(58, 50, 256)]
    [InlineData(59, 50, 300)]
    [InlineData(60, 50, 300)]
    [InlineData(5000, 50, 300)]
    [InlineData(long.MaxValue, 50, 300)]
    public void AnAccountsFailuresPastTheThresholdDoubleTheDelayFromOneSecondToFiveMinutes(long failures, int threshold, int? seconds) =>
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), LoginThrottle.AccountDelay(failures, threshold));
}
