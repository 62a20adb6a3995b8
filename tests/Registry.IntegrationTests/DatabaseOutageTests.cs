using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Auth;
using Registry.Contracts.Problems;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>While PostgreSQL cannot be reached, calls are a 503 to retry (they were 500s, as if the service had a bug).</summary>
[Collection(SharedApi.Name)]
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task WhileTheDatabaseIsDownReadsAndWritesAre503WithRetryAfter()
    {
        // Port 1 on loopback: nothing listens, so every connection is refused at once.
        await using var down = new RegistryApiFactory()
            .With("ConnectionStrings:Registry", "Host=127.0.0.1;Port=1;Database=registry;Username=registry;Password=x;Timeout=2");
        using var anonymous = down.CreateClient();
        var token = down.Services.GetRequiredService<TokenIssuer>().ForAccount(
            new AccountRow { Id = Guid.CreateVersion7(), Email = "outage@test.example", DisplayName = "Outage", Role = Roles.Coordinator }, Guid.CreateVersion7());
        using var coordinator = down.CreateClientWithToken(token);

        var answers = new List<(string Call, HttpResponseMessage Response)>
        {
            ("search", await anonymous.GetAsync("/api/v1/suppliers?q=%E7%B2%BE%E5%AF%86")),
            ("audit log", await coordinator.GetAsync("/api/v1/audit-log")),
            ("sign in", await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "someone@test.example", password = "a long enough password" })),
            ("create site", await coordinator.PostAsJsonAsync("/api/v1/suppliers", Sites.Input("停電精工"), Json.Options)),
        };

        foreach (var (call, response) in answers)
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{call}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("/problems/unavailable", (await response.ReadJsonAsync<Problem>())!.Type);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{call}: Retry-After");
            }
        }

        // What needs no database still answers.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/taxonomy/processes")).StatusCode);
    }
}
