using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Npgsql;
using Registry.Contracts.BulkImports;
using Registry.Contracts.Problems;
using Registry.Contracts.Webhooks;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// A U+0000 anywhere in the input used to reach PostgreSQL, which refuses it (a 500). Every input path now refuses it
/// first with a 400 (or an invalid import row) that names where it was, and nothing is written.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class ControlCharacterTests(RegistryApiFactory api)
{
    [Fact]
    public async Task NulInTheSearchTextIs400NamingTheParameterInTheCallersLanguage()
    {
        using var client = api.CreateClient();

        using var japanese = await client.GetAsync("/api/v1/suppliers?q=%E7%B2%BE%00%E5%AF%86");
        using var english = await SendAsync(client, HttpMethod.Get, "/api/v1/suppliers?q=abc%00", language: "en");

        var problem = await AssertRefusedAsync(japanese, "q");
        Assert.Contains("制御文字", problem.Title, StringComparison.Ordinal);
        var inEnglish = await AssertRefusedAsync(english, "q");
        Assert.Equal("Control character in the request", inEnglish.Title);
    }

    [Fact]
    public async Task NulInAnAuditLogFilterIs400()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");

        using var response = await coordinator.Client.GetAsync("/api/v1/audit-log?action=supplier.created%00&resourceId=x%00y");

        var problem = await AssertRefusedAsync(response, "action");
        Assert.Contains("resourceId", problem.Errors!.Keys);
    }

    [Fact]
    public async Task OtherControlCharactersAreRefusedButTabsAndLineBreaksAreNot()
    {
        using var client = api.CreateClient();

        using var bell = await client.GetAsync("/api/v1/suppliers?q=a%07b");
        using var tab = await client.GetAsync("/api/v1/suppliers?q=a%09b%0Ac");

        await AssertRefusedAsync(bell, "q");
        Assert.Equal(HttpStatusCode.OK, tab.StatusCode);
    }

    [Fact]
    public async Task NulInTheSignInBodyIs400NamingTheField()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsync("/api/v1/auth/login",
            new StringContent("""{"email":"someone\u0000@test.example","password":"a long enough password"}""", Encoding.UTF8, "application/json"));

        await AssertRefusedAsync(response, "email");
    }

    [Fact]
    public async Task NulInASupplierBodyIs400NamingTheNestedFieldAndCreatesNothing()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var name = "制御文字精工" + Guid.NewGuid().ToString("N")[..8];
        var input = Sites.Input(name) with
        {
            Contact = Sites.Input(name).Contact! with { Name = "山田\0太郎" },
        };

        using var response = await supplier.Client.PostAsJsonAsync("/api/v1/suppliers", input, Json.Options);

        await AssertRefusedAsync(response, "contact.name");
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM suppliers WHERE name_ja = @name", new { name }));
    }

    [Fact]
    public async Task NulInAWebhookBodyIs400AndSubscribesNothing()
    {
        using var integrator = await TestAccounts.IntegratorAsync(api, "制御文字テスト", "webhooks:manage");

        using var inDescription = await integrator.PostAsJsonAsync("/api/v1/webhooks",
            new WebhookInput { Url = "http://127.0.0.1:9/hooks", EventTypes = ["supplier.*"], Description = "nul\0here" }, Json.Options);
        using var inAnEventType = await integrator.PostAsJsonAsync("/api/v1/webhooks",
            new WebhookInput { Url = "http://127.0.0.1:9/hooks", EventTypes = ["supplier.*", "supplier.\0"] }, Json.Options);

        await AssertRefusedAsync(inDescription, "description");
        await AssertRefusedAsync(inAnEventType, "eventTypes[1]");
        var list = await (await integrator.GetAsync("/api/v1/webhooks")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("127.0.0.1:9/hooks", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlCharactersInAFormFieldOfTheTokenEndpointAre400()
    {
        using var client = api.CreateClient();

        // The form reader refuses %00 itself (the endpoint answered 500); other control characters are ours to find.
        using var nul = await client.PostAsync("/api/v1/auth/token", TokenForm("feed:read\0"));
        using var bell = await client.PostAsync("/api/v1/auth/token", TokenForm("feed:read\a"));

        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal("/problems/malformed-request", (await nul.ReadJsonAsync<Problem>())!.Type);
        await AssertRefusedAsync(bell, "scope");
    }

    [Fact]
    public async Task NulInThePathIs400OverARealServer()
    {
        // The test server cannot even send %00 in a path (its client decodes it); Kestrel receives it as it comes.
        await using var kestrel = new RegistryApiFactory();
        kestrel.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        kestrel.StartServer();
        using var client = kestrel.CreateClient();

        foreach (var path in new[] { "/api/v1/suppliers/%00", "/api/v1/taxonomy/processes%00", "/api/v1/clusters/%00", "/some-page%00" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task AnImportCellWithNulIsAnInvalidRowInTheDryRunAndTheRealRunWritesNothing()
    {
        using var integrator = await TestAccounts.IntegratorAsync(api, "制御文字工業会", "suppliers:import");
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = Encoding.UTF8.GetBytes($"externalId,nameJa,prefectureCode,address\n{run}-1,正常工業,41,\n{run}-2,佐賀\0精工,41,\"a\0b\"\n");
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        var importsBefore = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM imports");

        using var dry = await ImportFiles.PostAsync(integrator, "/api/v1/imports?dryRun=true", csv, "text/csv");
        using var real = await ImportFiles.PostAsync(integrator, "/api/v1/imports", csv, "text/csv");

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var check = (await dry.ReadJsonAsync<ImportCheck>())!;
        Assert.Equal((2, 1), (check.Rows, check.Valid));
        Assert.Equal([(2, "nameJa"), (2, "address")], check.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, real.StatusCode);
        using var refusal = System.Text.Json.JsonDocument.Parse(await real.Content.ReadAsStringAsync());
        Assert.Equal("/problems/validation", refusal.RootElement.GetProperty("type").GetString());
        Assert.Equal(importsBefore, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM imports"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM suppliers WHERE external_id LIKE @run || '-%'", new { run }));
    }

    [Fact]
    public async Task AJsonImportWithNulInACellIsAnInvalidRow()
    {
        using var integrator = await TestAccounts.IntegratorAsync(api, "制御文字工業会", "suppliers:import");
        var json = Encoding.UTF8.GetBytes("""[{"externalId":"nul-json-1","nameJa":"佐賀\u0000精工","prefectureCode":"41"}]""");

        using var dry = await ImportFiles.PostAsync(integrator, "/api/v1/imports?dryRun=true", json, "application/json");

        var check = (await dry.ReadJsonAsync<ImportCheck>())!;
        Assert.Equal((1, 0), (check.Rows, check.Valid));
        Assert.Equal("nameJa", Assert.Single(check.Errors).Column);
    }

    private static FormUrlEncodedContent TokenForm(string scope) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = Guid.NewGuid().ToString(),
        ["client_secret"] = "secret",
        ["scope"] = scope,
    });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string language)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return await client.SendAsync(request);
    }

    private static async Task<Problem> AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<Problem>(body, Json.Options)!;
        Assert.Equal("/problems/validation", problem.Type);
        Assert.Contains(field, problem.Errors!.Keys);
        return problem;
    }
}
