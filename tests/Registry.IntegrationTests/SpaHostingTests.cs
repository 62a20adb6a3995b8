using System.Net;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class SpaHostingTests : IDisposable
{
    private readonly string _dist = Directory.CreateTempSubdirectory("registry-spa-").FullName;

    public SpaHostingTests()
    {
        File.WriteAllText(Path.Combine(_dist, "index.html"), "<!doctype html><title>spa-marker</title>");
        Directory.CreateDirectory(Path.Combine(_dist, "assets"));
        File.WriteAllText(Path.Combine(_dist, "assets", "app-3f2a.js"), "console.log('app')");
    }

    [Fact]
    public async Task ClientRoutesFallBackToIndexHtmlWhichIsRevalidated()
    {
        await using var api = new RegistryApiFactory().With("Spa:Root", _dist);
        using var client = api.CreateClient();

        using var page = await client.GetAsync("/suppliers/some-client-route");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("spa-marker", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task FingerprintedAssetsAreCachedForever()
    {
        await using var api = new RegistryApiFactory().With("Spa:Root", _dist);
        using var client = api.CreateClient();

        using var asset = await client.GetAsync("/assets/app-3f2a.js");

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        var cache = asset.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
    }

    [Fact]
    public async Task ApiPathsNeverFallBackToThePage()
    {
        await using var api = new RegistryApiFactory().With("Spa:Root", _dist);
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/api/v1/suppliers-that-do-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => Directory.Delete(_dist, recursive: true);
}
