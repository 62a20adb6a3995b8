using System.Net;
using System.Net.Http.Json;
using System.Text;
using Registry.Contracts.Problems;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// What the contract declares for parameters and bodies is what the service enforces, for every operation: over-long
/// strings, numbers out of range or NaN, half a point, fields a request does not have or has twice are refused (400,
/// naming the field in the API's words), never silently accepted or ignored.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class InputLimitTests(RegistryApiFactory api)
{
    [Theory]
    [InlineData("/api/v1/taxonomy/suggest?q={81}", "q")]
    [InlineData("/api/v1/analytics/coverage?lat=NaN&lon=137&withinKm=10", "lat")]
    [InlineData("/api/v1/analytics/coverage?lat=1e9&lon=137&withinKm=10", "lat")]
    [InlineData("/api/v1/analytics/coverage?lat=35&lon=Infinity&withinKm=10", "lon")]
    [InlineData("/api/v1/analytics/coverage?lat=35&lon=137&withinKm=-1", "withinKm")]
    [InlineData("/api/v1/suppliers?lat=35.08", "lon")]
    [InlineData("/api/v1/suppliers?lon=137.1&withinKm=10", "lat")]
    [InlineData("/api/v1/suppliers?limit=abc", "limit")]
    public async Task AParameterOutsideWhatTheContractDeclaresIs400NamingIt(string path, string field)
    {
        using var member = await TestAccounts.SignInAsync(api, "member");

        using var response = await member.Client.GetAsync(path.Replace("{81}", new string('あ', 81), StringComparison.Ordinal));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var problem = (await response.ReadJsonAsync<Problem>())!;
        Assert.Equal("/problems/validation", problem.Type);
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.DoesNotContain("Nullable", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverLongFiltersOfTheAdminListsAre400()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");

        using var accounts = await admin.Client.GetAsync($"/api/v1/accounts?q={new string('x', 201)}");
        using var audit = await admin.Client.GetAsync($"/api/v1/audit-log?action={new string('x', 65)}");

        Assert.Equal(HttpStatusCode.BadRequest, accounts.StatusCode);
        Assert.Contains("q", (await accounts.ReadJsonAsync<Problem>())!.Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, audit.StatusCode);
        Assert.Contains("action", (await audit.ReadJsonAsync<Problem>())!.Errors!.Keys);
    }

    [Fact]
    public async Task AnImportsCharsetLongerThanDeclaredIs400()
    {
        using var integrator = await TestAccounts.IntegratorAsync(api, "文字コード試験", "suppliers:import");
        using var content = new StringContent("externalId,nameJa\n", Encoding.UTF8, "text/csv");

        using var response = await integrator.PostAsync($"/api/v1/imports?dryRun=true&charset={new string('x', 21)}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("charset", (await response.ReadJsonAsync<Problem>())!.Errors!.Keys);
    }

    [Theory]
    [InlineData("""{"email":"a@test.example","password":"a long enough password","admin":true}""", "admin")]
    [InlineData("""{"email":"a@test.example","email":"b@test.example","password":"a long enough password"}""", "email")]
    public async Task AFieldARequestDoesNotHaveOrHasTwiceIs400NamingIt(string json, string field)
    {
        using var anonymous = api.CreateClient();

        using var response = await anonymous.PostAsync("/api/v1/auth/login", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains(field, (await response.ReadJsonAsync<Problem>())!.Errors!.Keys);
    }

    [Fact]
    public async Task AnEnumGivenAsANumberIs400NotA500()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        var (id, _) = await TestAccounts.CreateAsync(api, "member");
        using var read = await admin.Client.GetAsync($"/api/v1/accounts/{id}");
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/accounts/{id}")
        {
            Content = new StringContent("""{"role":42}""", Encoding.UTF8, "application/json"),
        };
        patch.Headers.IfMatch.Add(read.Headers.ETag!);

        using var response = await admin.Client.SendAsync(patch);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("500.5")]
    [InlineData("\"NaN\"")]
    public async Task ARadiusJustPastItsLimitOrNotANumberIs400(string radius)
    {
        using var member = await TestAccounts.SignInAsync(api, "member");
        var json = "{\"steps\":[{\"processCode\":\"machining.turning\"}],\"region\":{\"centre\":{\"lat\":35.0826,\"lon\":137.156},\"radiusKm\":" + radius + "}}";

        using var response = await member.Client.PostAsync("/api/v1/matching/preview", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownFieldInASupplierBodyCreatesNothing()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var input = System.Text.Json.JsonSerializer.SerializeToNode(Sites.Input("未知項目精工"), Json.Options)!.AsObject();
        input["verified"] = true;

        using var response = await supplier.Client.PostAsJsonAsync("/api/v1/suppliers", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("verified", (await response.ReadJsonAsync<Problem>())!.Errors!.Keys);
    }
}
