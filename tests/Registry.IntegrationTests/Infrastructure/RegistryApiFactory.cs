using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>
/// The real service over real HTTP semantics and a real PostgreSQL: scripts/test starts a throwaway cluster and
/// passes its connection string in REGISTRY_TEST_DATABASE. Start-up migrates the database; the fixture waits until
/// /readyz says so.
/// </summary>
public class RegistryApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DatabaseVariable = "REGISTRY_TEST_DATABASE";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    private Contract? _contract;

    public RegistryApiFactory()
    {
        ConnectionString = Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{DatabaseVariable} is not set: run the integration tests through scripts/test, which starts a throwaway PostgreSQL.");
        _settings["ConnectionStrings:Registry"] = ConnectionString;
        // Tests share one address; the rate-limit tests use their own factory with small quotas.
        _settings["RateLimits:PermitsPerAddress"] = "100000";
        _settings["RateLimits:PermitsPerCaller"] = "100000";
        // The test host has no client address, so every test signs in from the same one.
        _settings["Auth:LoginFailuresPerAddress"] = "100000";
        _settings["Spa:Root"] = Path.Combine(Path.GetTempPath(), "registry-tests-no-spa");
        KeyDirectory = Directory.CreateTempSubdirectory("registry-test-keys-").FullName;
        _settings["Auth:KeyDirectory"] = KeyDirectory;
        // Webhook receivers in tests listen on loopback, and retries come in seconds, not minutes.
        _settings["Webhooks:AllowLoopback"] = "true";
        _settings["Webhooks:PollMilliseconds"] = "100";
        _settings["Webhooks:RetryBaseSeconds"] = "0.5";
        _settings["Webhooks:MaxAttempts"] = "6";
        _settings["Webhooks:QuickRetryMilliseconds"] = "50";
        _settings["Webhooks:BreakSeconds"] = "1";
    }

    /// <summary>Where this host keeps its signing keys, so tests can forge tokens the way an attacker would try to.</summary>
    public string KeyDirectory { get; }

    /// <summary>The database of this factory's host (also where <see cref="TestAccounts"/> makes its accounts).</summary>
    public string ConnectionString { get; private set; }

    /// <summary>Overrides a configuration value for this factory's host; call before the first request.</summary>
    public RegistryApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        if (key == "ConnectionStrings:Registry" && value is not null)
        {
            ConnectionString = value;
        }

        return this;
    }

    /// <summary>Replaces services of this factory's host (e.g. one component's clock); call before the first request.</summary>
    public RegistryApiFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    /// <summary>A client whose requests come from this address; without one, the test server gives them none.</summary>
    public HttpClient CreateClientFrom(string address)
    {
        var remote = IPAddress.Parse(address);
        var check = new ContractCheck(() => _contract) { InnerHandler = Server.CreateHandler(context => context.Connection.RemoteIpAddress = remote) };
        return new HttpClient(check) { BaseAddress = Server.BaseAddress };
    }

    public virtual async Task InitializeAsync()
    {
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var reader = CreateDefaultClient();
        _contract = new Contract(await reader.GetStringAsync("/swagger/v1/swagger.json"));
    }

    /// <summary>A client whose every exchange is checked against the contract (<see cref="ContractCheck"/>).</summary>
    public new HttpClient CreateClient() => CreateDefaultClient(new ContractCheck(() => _contract));

    public async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            using var response = await client.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"/readyz still answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>An HTTP client whose requests carry this bearer token, so authorization is exercised, not bypassed.</summary>
    public HttpClient CreateClientWithToken(string accessToken) => CreateDefaultClient(new ContractCheck(() => _contract), new BearerToken(accessToken));

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(KeyDirectory))
        {
            Directory.Delete(KeyDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private sealed class BearerToken(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedApi : ICollectionFixture<RegistryApiFactory>
{
    public const string Name = "api";
}

public static class HttpContentExtensions
{
    public static Task<T?> ReadJsonAsync<T>(this HttpResponseMessage response) =>
        response.Content.ReadFromJsonAsync<T>(Json.Options);
}
