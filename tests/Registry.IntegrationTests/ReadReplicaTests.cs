using System.Diagnostics;
using System.Net;
using Dapper;
using Npgsql;
using Registry.Contracts.Search;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// Reads go to a real streaming standby (scripts/test starts one with scripts/db standby and passes its read
/// connection string in REGISTRY_TEST_STANDBY), writes to the primary; stopping the standby makes reads fall back to
/// the primary without an error.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class ReadReplicaTests(RegistryApiFactory shared)
{
    private const string ApplicationName = "registry-read-replica-test";

    [Fact]
    public async Task ReadsUseTheStandbyAndFallBackToThePrimaryWhenItStops()
    {
        var standby = Environment.GetEnvironmentVariable("REGISTRY_TEST_STANDBY");
        Assert.False(string.IsNullOrEmpty(standby), "REGISTRY_TEST_STANDBY is not set: run scripts/test, which starts a standby");
        var read = standby + ";Application Name=" + ApplicationName;
        await using var api = new RegistryApiFactory().With("ConnectionStrings:RegistryRead", read).With("Auth:KeyDirectory", shared.KeyDirectory);
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.PublishedAsync(supplier.Client, Sites.Input("副読工場", new GeoLocation { Lat = 26.30, Lon = 127.80 }, municipality: "472018") with
        {
            PrefectureCode = "47",
        });
        await WaitUntilReplicatedAsync(read, site.Id);

        var anonymous = api.CreateClient();
        await AssertServedAsync(anonymous, site.Id);
        Assert.True(await StandbyConnectionsAsync(read) > 0, "no connection of the API on the standby: reads did not go there");

        try
        {
            await StandbyAsync("stop");
            for (var i = 0; i < 5; i++)
            {
                await AssertServedAsync(anonymous, site.Id);
            }
        }
        finally
        {
            await StandbyAsync("start");
        }
    }

    /// <summary>A profile read and a search, both answered in full.</summary>
    private static async Task AssertServedAsync(HttpClient client, Guid id)
    {
        using var profile = await client.GetAsync($"/api/v1/suppliers/{id}");
        Assert.True(profile.StatusCode == HttpStatusCode.OK, await profile.Content.ReadAsStringAsync());
        using var search = await client.GetAsync("/api/v1/suppliers?prefecture=47&q=" + Uri.EscapeDataString("副読"));
        Assert.True(search.StatusCode == HttpStatusCode.OK, await search.Content.ReadAsStringAsync());
        Assert.Contains((await search.ReadJsonAsync<SupplierSearchResult>())!.Items, i => i.Id == id);
    }

    private static async Task WaitUntilReplicatedAsync(string read, Guid id)
    {
        await using var connection = new NpgsqlConnection(read);
        await connection.OpenAsync();
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT pg_is_in_recovery()"), "the read connection string does not reach a standby");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM suppliers WHERE id = @id AND status = 'published')", new { id }))
        {
            Assert.True(DateTime.UtcNow < deadline, "the standby did not receive the write within 20 s");
            await Task.Delay(100);
        }
    }

    /// <summary>The API's pooled connections on the standby (the test's own connection has another name).</summary>
    private static async Task<int> StandbyConnectionsAsync(string read)
    {
        await using var connection = new NpgsqlConnection(read.Replace(ApplicationName, "registry-test-probe", StringComparison.Ordinal));
        await connection.OpenAsync();
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT pg_is_in_recovery()"));
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM pg_stat_activity WHERE application_name = @name", new { name = ApplicationName });
    }

    private static async Task StandbyAsync(string action)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["scripts/db", "standby", action])
        {
            WorkingDirectory = Repository.Root(),
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"scripts/db standby {action} failed: {await stderr}");
    }
}
