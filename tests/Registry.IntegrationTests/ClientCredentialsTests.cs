using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registry.Contracts.Accounts;
using Registry.Contracts.Auth;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class ClientCredentialsTests(RegistryApiFactory api)
{
    [Fact]
    public async Task IntegratorGetsAScopedTokenWithBasicAuthentication()
    {
        var created = await CreateClientAsync("feed:read", "suppliers:import");
        using var client = api.CreateClient();
        using var request = TokenRequest(new() { ["grant_type"] = "client_credentials", ["scope"] = "feed:read" });
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{created.Client.Id}:{created.ClientSecret}")));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var token = (await response.ReadJsonAsync<ClientTokenResponse>())!;
        Assert.Equal(("Bearer", "feed:read"), (token.TokenType, token.Scope));
        using var asClient = api.CreateClientWithToken(token.AccessToken);
        var me = (await asClient.GetFromJsonAsync<CurrentUser>("/api/v1/auth/me", Json.Options))!;
        Assert.Equal(("client", created.Client.Id.ToString()), (me.Kind, me.Id));
        Assert.Equal(["feed:read"], me.Scopes);
    }

    [Fact]
    public async Task WrongSecretIsInvalidClient()
    {
        var created = await CreateClientAsync("feed:read");

        using var response = await PostTokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.Client.Id.ToString(),
            ["client_secret"] = created.ClientSecret + "x",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await OAuthErrorAsync(response));
    }

    [Fact]
    public async Task AScopeTheClientDoesNotHaveIsInvalidScope()
    {
        var created = await CreateClientAsync("feed:read");

        using var response = await PostTokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.Client.Id.ToString(),
            ["client_secret"] = created.ClientSecret,
            ["scope"] = "feed:read webhooks:manage",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", await OAuthErrorAsync(response));
    }

    [Fact]
    public async Task OtherGrantTypesAreRefused()
    {
        using var response = await PostTokenAsync(new() { ["grant_type"] = "password", ["username"] = "a", ["password"] = "b" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", await OAuthErrorAsync(response));
    }

    [Fact]
    public async Task AJsonBodyIs415()
    {
        using var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { grant_type = "client_credentials" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task RevokedClientCanNoLongerGetTokens()
    {
        var created = await CreateClientAsync("feed:read");
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/v1/api-clients/{created.Client.Id}")).StatusCode);

        using var response = await PostTokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.Client.Id.ToString(),
            ["client_secret"] = created.ClientSecret,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ClientTokenHasNoRoleSoAdminEndpointsAre403()
    {
        var created = await CreateClientAsync("feed:read", "suppliers:import", "webhooks:manage");
        using var response = await PostTokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.Client.Id.ToString(),
            ["client_secret"] = created.ClientSecret,
        });
        var token = (await response.ReadJsonAsync<ClientTokenResponse>())!;
        using var asClient = api.CreateClientWithToken(token.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await asClient.GetAsync("/api/v1/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asClient.GetAsync("/api/v1/audit-log")).StatusCode);
    }

    private async Task<ApiClientWithSecret> CreateClientAsync(params string[] scopes)
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        using var response = await admin.Client.PostAsJsonAsync("/api/v1/api-clients", new { name = "テスト工業会", scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync<ApiClientWithSecret>())!;
    }

    private async Task<HttpResponseMessage> PostTokenAsync(Dictionary<string, string> form)
    {
        using var client = api.CreateClient();
        using var request = TokenRequest(form);
        return await client.SendAsync(request);
    }

    private static HttpRequestMessage TokenRequest(Dictionary<string, string> form) =>
        new(HttpMethod.Post, "/api/v1/auth/token") { Content = new FormUrlEncodedContent(form) };

    private static async Task<string?> OAuthErrorAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString();
    }
}
