using System.Net;
using Registry.Contracts.Health;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class HealthTests(RegistryApiFactory api)
{
    [Fact]
    public async Task HealthzSaysAliveWithoutTouchingTheDatabase()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alive", (await response.ReadJsonAsync<HealthReport>())!.Status);
    }

    [Fact]
    public async Task ReadyzSaysReadyOnceEveryMigrationIsApplied()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync<ReadinessReport>();
        Assert.Equal(ReadinessStatus.Ready, report!.Status);
        Assert.Equal(["database", "migrations", "search_index", "revocations"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks, c => Assert.Equal(CheckStatus.Ok, c.Status));
    }

    [Fact]
    public async Task ReadyzAnswers503ProblemWhenTheDatabaseDoesNotAnswer()
    {
        // Port 1 on loopback: nothing listens, so every connection is refused at once.
        await using var unreachable = new UnstartedFactory()
            .With("ConnectionStrings:Registry", "Host=127.0.0.1;Port=1;Database=registry;Username=registry;Password=x;Timeout=2");
        using var client = unreachable.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync<ReadinessProblem>();
        Assert.Equal("/problems/not-ready", problem!.Type);
        Assert.Equal(503, problem.Status);
        Assert.Contains(problem.Checks, c => c is { Name: "database", Status: CheckStatus.Failing });
    }

    [Fact]
    public async Task ReadyzSaysNotReadyWhileMigrationsArePending()
    {
        await using var database = await ScratchDatabase.CreateAsync(api.ConnectionString);
        await using var pending = new UnstartedFactory()
            .With("ConnectionStrings:Registry", database.ConnectionString)
            .With("Database:MigrateOnStartup", "false");
        using var client = pending.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.ReadJsonAsync<ReadinessProblem>();
        Assert.Contains(problem!.Checks, c => c is { Name: "database", Status: CheckStatus.Ok });
        Assert.Contains(problem.Checks, c => c is { Name: "migrations", Status: CheckStatus.Failing });
    }

    /// <summary>A factory that does not wait for readiness: for tests about a service that is not ready.</summary>
    private sealed class UnstartedFactory : RegistryApiFactory
    {
        public override Task InitializeAsync() => Task.CompletedTask;
    }
}
