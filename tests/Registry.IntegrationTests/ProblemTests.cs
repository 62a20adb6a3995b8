using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Registry.Contracts.Problems;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class ProblemTests(RegistryApiFactory api)
{
    [Fact]
    public async Task UnknownApiRouteIsA404ProblemNotThePage()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync<Problem>();
        Assert.Equal("/problems/not-found", problem!.Type);
        Assert.Equal("/api/v1/no-such-thing", problem.Instance);
    }

    [Fact]
    public async Task AMethodAPathDoesNotHaveIs405NamingTheOnesItHas()
    {
        using var client = api.CreateClient();
        using var response = await client.DeleteAsync($"/api/v1/suppliers/{Guid.CreateVersion7()}");
        using var patched = await client.PatchAsync("/api/v1/clusters", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "PUT"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal("/problems/method-not-allowed", (await response.ReadJsonAsync<Problem>())!.Type);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, patched.StatusCode);
        Assert.Equal(["GET", "POST"], patched.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ABodyOfTheWrongTypeIs415AndAnIdThatIsNoIdIs404()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var text = await coordinator.Client.PostAsync("/api/v1/clusters", new StringContent("code=x", System.Text.Encoding.UTF8, "text/plain"));
        using var notAnId = await coordinator.Client.GetAsync("/api/v1/suppliers/not-an-id");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("/problems/unsupported-media-type", (await text.ReadJsonAsync<Problem>())!.Type);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
    }

    [Fact]
    public async Task UnexpectedExceptionIsA500ProblemWithoutStackTrace()
    {
        await using var throwing = api.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowAfterPipeline())));
        using var client = throwing.CreateClient();

        using var response = await client.GetAsync("/boom");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/problems/internal", body, StringComparison.Ordinal);
        Assert.Contains("traceId", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret connection detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("at Registry", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ThrowAfterPipeline), body, StringComparison.Ordinal);
    }

    /// <summary>Adds, after the service's own pipeline, a middleware that fails the way a bug would.</summary>
    private sealed class ThrowAfterPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(_ => throw new InvalidOperationException("secret connection detail"));
        };
    }
}
