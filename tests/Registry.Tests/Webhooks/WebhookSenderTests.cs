using System.Net;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Registry.Api.Webhooks;

namespace Registry.Tests.Webhooks;

/// <summary>The Polly pipeline of one delivery attempt, with a fake transport and a fake clock.</summary>
public sealed class WebhookSenderTests
{
    private static readonly Uri s_url = new("https://receiver.test/hooks");
    private static readonly Dictionary<string, string> s_headers = new() { ["webhook-id"] = "msg_1" };
    private static readonly WebhookOptions s_options = new() { QuickRetryMilliseconds = 1000, BreakSeconds = 60 };

    private readonly IWebhookTransport _transport = Substitute.For<IWebhookTransport>();
    private readonly FakeTimeProvider _clock = new();

    private WebhookSender Sender() => new(_transport, _clock, s_options);

    /// <summary>Sends, moving the fake clock on while Polly waits between quick retries.</summary>
    private async Task<WebhookSender.Outcome> SendAsync(WebhookSender sender)
    {
        var sending = sender.SendAsync(s_url, s_headers, "{}", CancellationToken.None);
        for (var i = 0; i < 50 && !sending.IsCompleted; i++)
        {
            await Task.Delay(5);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        return await sending;
    }

    [Fact]
    public async Task AnAnswerWorthRetryingIsRetriedWithinTheAttemptUntilItSucceeds()
    {
        _transport.PostAsync(s_url, s_headers, "{}", Arg.Any<CancellationToken>()).Returns(503, 502, 204);

        var outcome = await SendAsync(Sender());

        Assert.Equal((true, 204), (outcome.Delivered, outcome.Status));
        await _transport.Received(3).PostAsync(s_url, s_headers, "{}", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ARefusalIsNotRetried()
    {
        _transport.PostAsync(default!, default!, default!, default).ReturnsForAnyArgs(400);

        var outcome = await SendAsync(Sender());

        Assert.Equal((false, 400), (outcome.Delivered, outcome.Status));
        await _transport.ReceivedWithAnyArgs(1).PostAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task NoAnswerIsAFailedAttemptNotAnError()
    {
        _transport.PostAsync(default!, default!, default!, default).ThrowsAsyncForAnyArgs(new HttpRequestException("connection refused"));

        var outcome = await SendAsync(Sender());

        Assert.False(outcome.Delivered);
        Assert.Equal("connection refused", outcome.Error);
        await _transport.ReceivedWithAnyArgs(3).PostAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task ARepeatedlyFailingEndpointIsLeftAloneWhileItsCircuitIsOpen()
    {
        _transport.PostAsync(default!, default!, default!, default).ReturnsForAnyArgs(500);
        var sender = Sender();
        await SendAsync(sender);
        await SendAsync(sender);
        _transport.ClearReceivedCalls();

        var outcome = await SendAsync(sender);

        Assert.StartsWith("circuit open", outcome.Error, StringComparison.Ordinal);
        await _transport.DidNotReceiveWithAnyArgs().PostAsync(default!, default!, default!, default);

        // After the break, the endpoint is tried again.
        _clock.Advance(TimeSpan.FromSeconds(61));
        _transport.PostAsync(default!, default!, default!, default).ReturnsForAnyArgs(200);
        Assert.True((await SendAsync(sender)).Delivered);
    }

    [Fact]
    public async Task AReceiverThatDoesNotAnswerTimesOut()
    {
        _transport.PostAsync(default!, default!, default!, default).ReturnsForAnyArgs(async call =>
        {
            await Task.Delay(Timeout.Infinite, call.Arg<CancellationToken>());
            return 200;
        });

        var sending = Sender().SendAsync(s_url, s_headers, "{}", CancellationToken.None);
        for (var i = 0; i < 200 && !sending.IsCompleted; i++)
        {
            await Task.Delay(5);
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        var outcome = await sending;
        Assert.False(outcome.Delivered);
        Assert.Contains("no answer within 10 s", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedAttemptsWaitLongerEachTimeWithJitterAndTheLastIsParked()
    {
        var options = new WebhookOptions { RetryBaseSeconds = 30, MaxAttempts = 10 };

        Assert.Equal(TimeSpan.FromSeconds(30), WebhookSchedule.After(1, 1.0, options));
        Assert.Equal(TimeSpan.FromSeconds(240), WebhookSchedule.After(4, 1.0, options));
        Assert.Equal(TimeSpan.FromSeconds(120), WebhookSchedule.After(4, 0.5, options));
        Assert.Equal(TimeSpan.FromSeconds(3), WebhookSchedule.After(4, 0.0, options));
        Assert.Equal(TimeSpan.FromHours(6), WebhookSchedule.After(9, 1.0, new WebhookOptions { RetryBaseSeconds = 3600, MaxAttempts = 10 }));
        Assert.Null(WebhookSchedule.After(10, 0.5, options));
    }

    [Fact]
    public void SignaturesFollowTheStandardWebhooksExample()
    {
        // The example of the Standard Webhooks specification.
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""));
    }

    [Theory]
    [InlineData("https://receiver.example/hook", false, true)]
    [InlineData("http://receiver.example/hook", false, false)]
    [InlineData("http://127.0.0.1:9000/hook", true, true)]
    [InlineData("http://127.0.0.1:9000/hook", false, false)]
    [InlineData("https://10.1.2.3/hook", true, false)]
    [InlineData("https://169.254.169.254/latest", true, false)]
    [InlineData("https://[fd00::1]/hook", true, false)]
    [InlineData("https://user:pw@receiver.example/hook", false, false)]
    public void OnlyPublicHttpsTargetsOrLoopbackWhereAllowed(string url, bool allowLoopback, bool ok) =>
        Assert.Equal(ok, WebhookTargets.Problem(url, allowLoopback) is null);

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("2001:db8::1", false)]
    [InlineData("fe80::1", false)]
    public void PrivateAndLinkLocalAddressesAreNeverConnectedTo(string address, bool allowed) =>
        Assert.Equal(allowed, WebhookTargets.Allowed(IPAddress.Parse(address), allowLoopback: true));
}
