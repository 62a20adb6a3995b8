using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Registry.Api.Webhooks;

/// <summary>Sends one signed webhook request; the true boundary, so that the sender can be tested with a fake.</summary>
public interface IWebhookTransport
{
    /// <summary>POSTs the JSON body with the headers and returns the status code; throws when no answer came.</summary>
    Task<int> PostAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct);
}

/// <summary>
/// One attempt of a delivery, through Polly (DESIGN §8): a 10 s timeout per try, two quick retries with exponential
/// backoff and jitter for answers worth retrying (5xx, 408, 429, no answer), and a circuit breaker per endpoint, so a
/// dead receiver is not called for every message while it is down. Longer waits between attempts are the
/// dispatcher's (WebhookSchedule), kept in the database.
/// </summary>
public sealed class WebhookSender(IWebhookTransport transport, TimeProvider clock, WebhookOptions options)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, ResiliencePipeline<int>> _endpoints = new(StringComparer.Ordinal);

    public sealed record Outcome(bool Delivered, int? Status, string? Error, TimeSpan Duration);

    public async Task<Outcome> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
    {
        var pipeline = _endpoints.GetOrAdd(url.GetLeftPart(UriPartial.Authority), _ => Pipeline());
        var started = Stopwatch.GetTimestamp();
        try
        {
            var status = await pipeline.ExecuteAsync(async token => await transport.PostAsync(url, headers, body, token), ct);
            return new Outcome(status is >= 200 and < 300, status, null, Stopwatch.GetElapsedTime(started));
        }
        catch (BrokenCircuitException)
        {
            return new Outcome(false, null, "circuit open: the endpoint failed repeatedly", Stopwatch.GetElapsedTime(started));
        }
        catch (TimeoutRejectedException)
        {
            return new Outcome(false, null, $"no answer within {Timeout.TotalSeconds:0} s", Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException && !ct.IsCancellationRequested)
        {
            return new Outcome(false, null, ex.Message.Length > 500 ? ex.Message[..500] : ex.Message, Stopwatch.GetElapsedTime(started));
        }
    }

    private static readonly Func<Outcome<int>, bool> s_worthRetrying = outcome =>
        outcome.Exception is HttpRequestException or SocketException or IOException or TimeoutRejectedException
        || outcome.Result is >= 500 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests;

    private ResiliencePipeline<int> Pipeline() => new ResiliencePipelineBuilder<int> { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions<int>
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(options.QuickRetryMilliseconds),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(s_worthRetrying(args.Outcome)),
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions<int>
        {
            FailureRatio = 0.5,
            MinimumThroughput = 4,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = TimeSpan.FromSeconds(options.BreakSeconds),
            ShouldHandle = args => ValueTask.FromResult(s_worthRetrying(args.Outcome)),
        })
        .AddTimeout(Timeout)
        .Build();
}

/// <summary>
/// The HTTP transport: no redirects (a redirect could lead anywhere), and every connection checked against the
/// allowed addresses after name resolution, so a name that resolves to a private address is refused too.
/// </summary>
public sealed class HttpWebhookTransport : IWebhookTransport, IDisposable
{
    private readonly HttpClient _http;

    public HttpWebhookTransport(bool allowLoopback)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = async (context, ct) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
                var allowed = addresses.FirstOrDefault(a => WebhookTargets.Allowed(a, allowLoopback))
                    ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no address webhooks may go to.");
                var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("RegionalManufacturingRegistry-Webhooks/1");
    }

    public async Task<int> PostAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return (int)response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}
