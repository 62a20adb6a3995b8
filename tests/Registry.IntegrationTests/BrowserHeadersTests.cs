using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>nosniff, Referrer-Policy and a Content-Security-Policy on every kind of response the service gives.</summary>
[Collection(SharedApi.Name)]
public sealed class BrowserHeadersTests(RegistryApiFactory api)
{
    private static readonly string[] s_everyPolicy = ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"];

    [Fact]
    public async Task TheSpaAndTheApiAreServedWithTheStrictPolicy()
    {
        var dist = Directory.CreateTempSubdirectory("registry-spa-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dist, "index.html"), "<!doctype html><title>spa-marker</title>");
            Directory.CreateDirectory(Path.Combine(dist, "assets"));
            File.WriteAllText(Path.Combine(dist, "assets", "app-3f2a.js"), "console.log('app')");
            await using var spa = new RegistryApiFactory().With("Spa:Root", dist);
            using var client = spa.CreateClient();

            foreach (var path in new[] { "/", "/suppliers/some-client-route", "/assets/app-3f2a.js", "/api/v1/taxonomy/prefectures", "/api/v1/no-such-route", "/healthz", "/.well-known/jwks.json" })
            {
                using var response = await client.GetAsync(path);

                var policy = AssertHygiene(response);
                Assert.False(policy.Contains("unsafe", StringComparison.Ordinal) || policy.Contains("data:", StringComparison.Ordinal), path);
            }
        }
        finally
        {
            Directory.Delete(dist, recursive: true);
        }
    }

    [Fact]
    public async Task SwaggerUiGetsInlineStylesAndDataImagesButNoOtherScripts()
    {
        using var client = api.CreateClient();

        foreach (var path in new[] { "/swagger/index.html", "/swagger/index.js", "/swagger/v1/swagger.json" })
        {
            using var response = await client.GetAsync(path);

            var policy = AssertHygiene(response);
            Assert.Contains("style-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
            Assert.Contains("img-src 'self' data:", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUnexpectedErrorStillCarriesTheHeaders()
    {
        // The exception handler clears the response's headers before it writes the problem.
        await using var throwing = api.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowAfterPipeline())));
        using var client = throwing.CreateClient();

        using var response = await client.GetAsync("/boom");

        Assert.Equal(500, (int)response.StatusCode);
        AssertHygiene(response);
    }

    private static string AssertHygiene(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.All(s_everyPolicy, directive => Assert.Contains(directive, policy, StringComparison.Ordinal));
        return policy;
    }

    /// <summary>After the service's own pipeline, a middleware that fails the way a bug would.</summary>
    private sealed class ThrowAfterPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(_ => throw new InvalidOperationException("a bug"));
        };
    }
}
