using System.Net;
using Registry.Contracts.Problems;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class RateLimitTests
{
    [Fact]
    public async Task AnonymousCallerOverQuotaGets429WithRetryAfterAndProblem()
    {
        await using var api = new RegistryApiFactory().With("RateLimits:PermitsPerAddress", "3").With("RateLimits:WindowSeconds", "3600");
        using var client = api.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.GetAsync("/api/v1/taxonomy/prefectures"));
        }

        Assert.All(answers.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.StartsWith("\"per-address\";r=0;t=", answers[2].Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
        var refused = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        Assert.Equal("\"per-address\";q=3;w=3600", refused.Headers.GetValues("RateLimit-Policy").Single());
        var problem = await refused.ReadJsonAsync<Problem>();
        Assert.Equal("/problems/rate-limited", problem!.Type);
        answers.ForEach(r => r.Dispose());

        // Quotas are for the API: health probes (and the SPA's files) are still served, without quota headers.
        using var probe = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.False(probe.Headers.Contains("RateLimit"));
    }

    [Fact]
    public async Task GuessingResponseLinksMeetsTheAddressQuota()
    {
        // The response-link endpoints take no account: each try, whatever token it carries, counts for the address.
        await using var api = new RegistryApiFactory().With("RateLimits:PermitsPerAddress", "3").With("RateLimits:WindowSeconds", "3600");
        using var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/order-link");
            request.Headers.Add("Order-Link", "guess-" + i);
            using var answer = await client.SendAsync(request);
            statuses.Add(answer.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task EveryAnswerTellsTheRemainingQuota()
    {
        await using var api = new RegistryApiFactory().With("RateLimits:PermitsPerAddress", "50").With("RateLimits:WindowSeconds", "3600");
        using var client = api.CreateClient();

        using var first = await client.GetAsync("/api/v1/taxonomy/prefectures");
        using var second = await client.GetAsync("/api/v1/unknown");

        Assert.StartsWith("\"per-address\";r=49;t=", first.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
        Assert.StartsWith("\"per-address\";r=48;t=", second.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
    }
}
