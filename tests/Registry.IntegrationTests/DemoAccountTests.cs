using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registry.Api.Data;
using Registry.Api.Demo;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class DemoAccountTests(RegistryApiFactory api)
{
    [Fact]
    public async Task DevelopmentGetsTheReadmeDemoAccountsIntegratorClientAndRegion()
    {
        await using var database = await ScratchDatabase.CreateAsync(api.ConnectionString);
        await using var development = new RegistryApiFactory()
            .With("ConnectionStrings:Registry", database.ConnectionString)
            .With("environment", "Development");
        await development.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await WaitForDemoAsync(development);

        foreach (var person in DemoAccounts.People)
        {
            var tokens = await TestAccounts.LoginAsync(development, person.Email, person.Password);
            Assert.Equal(person.Role.ToString().ToLowerInvariant(), tokens.User.Role);
        }

        using var client = development.CreateClient();

        // The demo region: ~500 sites in real Aichi municipalities, findable the way the README's walkthrough does.
        await using (var connection = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            var sites = (await Dapper.SqlMapper.QueryAsync<(string Municipality, string Prefecture, string Status, double Lat, double Lon)>(connection,
                "SELECT municipality_code, prefecture_code, status, ST_Y(location::geometry), ST_X(location::geometry) FROM suppliers")).ToList();
            Assert.Equal(DemoRegion.Sites, sites.Count);
            Assert.All(sites, s => Assert.Null(Registry.Api.Suppliers.CodeValidators.MunicipalityCode(s.Municipality, "23")));
            Assert.All(sites, s => Assert.InRange(s.Lat, 34.6, 35.45));
            Assert.All(sites, s => Assert.InRange(s.Lon, 136.7, 137.5));
            Assert.InRange(sites.Count(s => s.Status == "published"), 430, 500);
        }

        var found = (await client.GetFromJsonAsync<Registry.Contracts.Search.SupplierSearchResult>(
            "/api/v1/suppliers?process=machining.milling.5axis&certification=iso_9001&lat=35.0826&lon=137.156&withinKm=30", Json.Options))!;
        Assert.NotEmpty(found.Items);
        var supplier1 = DemoAccounts.People.Single(p => p.Email == "supplier1@registry.example");
        var supplierTokens = await TestAccounts.LoginAsync(development, supplier1.Email, supplier1.Password);
        Assert.Single(supplierTokens.User.SupplierIds);

        // Four published clusters, one per named sector; the automotive one's value chain has a step nobody in the region
        // does, and its joint order gets a consortium covering the rest.
        var clusters = (await client.GetFromJsonAsync<Registry.Contracts.Page<Registry.Contracts.Clusters.Cluster>>("/api/v1/clusters", Json.Options))!.Items;
        Assert.Equal(["automotive_parts", "electrical_precision", "food_packaging", "plastics_chemical"],
            clusters.Select(c => Registry.Api.Http.WireNames.Of(c.Sector)).Order());
        var automotive = clusters.Single(c => c.Sector == Registry.Contracts.Clusters.ClusterSector.AutomotiveParts);
        var coverage = (await client.GetFromJsonAsync<Registry.Contracts.Clusters.ClusterCoverage>($"/api/v1/clusters/{automotive.Id}/coverage", Json.Options))!;
        Assert.Equal([automotive.ValueChain.ToList().IndexOf("surface.painting")], coverage.Gaps);
        Assert.All(coverage.Steps.Where(s => s.Sites > 0), s => Assert.True(s.Members > 0, $"no member does {s.ProcessCode}"));
        using var coordinator = development.CreateClientWithToken((await TestAccounts.LoginAsync(development, "coordinator@registry.example", "demo-coordinator-password")).AccessToken);
        var themes = (await coordinator.GetFromJsonAsync<List<Registry.Contracts.Clusters.Theme>>($"/api/v1/clusters/{automotive.Id}/themes", Json.Options))!;
        Assert.Equal(3, themes.Select(t => t.Status).Distinct().Count());
        var order = themes.Single(t => t.Kind == Registry.Contracts.Clusters.ThemeKind.JointOrder);
        var proposal = (await coordinator.GetFromJsonAsync<Registry.Contracts.Clusters.ConsortiumProposal>(
            $"/api/v1/clusters/{automotive.Id}/themes/{order.Id}/consortium", Json.Options))!;
        Assert.Equal(coverage.Gaps, proposal.Chain.Gaps);

        // The demo buyer's orders in every state, and its open 4-step request whose best chain has four firms: legs 1, 2
        // and 4 have the README's supplier3-5, leg 3 is FAX-only without an account.
        var buyer = DemoAccounts.People.Single(p => p.Email == "buyer@registry.example");
        using var asBuyer = development.CreateClientWithToken((await TestAccounts.LoginAsync(development, buyer.Email, buyer.Password)).AccessToken);
        var orders = (await asBuyer.GetFromJsonAsync<Registry.Contracts.Page<Registry.Contracts.Orders.Order>>("/api/v1/orders?limit=100", Json.Options))!.Items;
        Assert.Equal(Enum.GetValues<Registry.Contracts.Orders.OrderStatus>().Order(), orders.Select(o => o.Status).Distinct().Order());
        var requests = (await asBuyer.GetFromJsonAsync<Registry.Contracts.Page<Registry.Contracts.Matching.MatchingRequest>>("/api/v1/matching-requests", Json.Options))!.Items;
        var open = Assert.Single(requests, r => r.Status == Registry.Contracts.Matching.RequestStatus.Open);
        Assert.Equal(4, open.Request.Steps.Count);
        var chain = (await asBuyer.GetFromJsonAsync<Registry.Contracts.Matching.ChainsResult>($"/api/v1/matching-requests/{open.Id}/chains", Json.Options))!.Chains[0];
        Assert.Equal(4, chain.Firms);
        foreach (var (leg, email) in DemoOrders.ChainAccounts)
        {
            var person = DemoAccounts.People.Single(p => p.Email == email);
            Assert.Contains(chain.Steps[leg - 1].SupplierId!.Value, (await TestAccounts.LoginAsync(development, email, person.Password)).User.SupplierIds);
        }

        var faxSite = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/suppliers/{chain.Steps[2].SupplierId}", Json.Options));
        Assert.True(faxSite.GetProperty("digitalReadiness").GetProperty("faxOnly").GetBoolean());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DemoAccounts.IntegratorClientId}:{DemoAccounts.IntegratorSecret}")));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopmentStartupRefusesActiveDemoCredentials()
    {
        await using var database = await ScratchDatabase.CreateAsync(api.ConnectionString);
        await using (var development = new RegistryApiFactory()
            .With("ConnectionStrings:Registry", database.ConnectionString)
            .With("environment", "Development"))
        {
            await development.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await WaitForDemoAsync(development);
        }

        var refusal = new StartupRefusal();
        var witness = new StopWitness();
        await using var production = new RegistryApiFactory()
            .With("ConnectionStrings:Registry", database.ConnectionString)
            .With("environment", "Production");
        await using var observed = production.WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            services.AddSingleton(refusal);
            services.AddHostedService(_ => witness);
        }));
        try
        {
            observed.CreateClient().Dispose();
        }
        catch (ObjectDisposedException)
        {
            // The host stopped while the test server was still starting it: that is the refusal under test.
        }

        await Task.WhenAny(witness.Stopped.Task, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(witness.Stopped.Task.IsCompleted, "start-up went on although demo credentials are active");
        Assert.Equal(1, refusal.ExitCode);
    }

    private sealed class StopWitness : IHostedService
    {
        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Stopped.TrySetResult();
            return Task.CompletedTask;
        }
    }

    /// <summary>Demo data is written right after the migrations (readiness may say yes before); the links come last.</summary>
    private static async Task WaitForDemoAsync(RegistryApiFactory factory)
    {
        await using var connection = new Npgsql.NpgsqlConnection(factory.Services.GetRequiredService<RegistryConnectionString>().Value);
        await connection.OpenAsync();
        for (var i = 0; i < 600 && !await Dapper.SqlMapper.ExecuteScalarAsync<bool>(connection,
            "SELECT EXISTS (SELECT 1 FROM orders)"); i++)
        {
            await Task.Delay(100);
        }
    }
}
