using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Registry.Contracts.Accounts;
using Registry.Contracts.Auth;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// A disable, demotion, password reset, logout, refresh-token reuse or client revocation stops the access tokens already
/// out — in the process that made the change at once, and in every other process as soon as the notification arrives —
/// where before they kept working for up to their 15 minutes.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class RevocationTests(RegistryApiFactory api) : IAsyncLifetime
{
    private RegistryApiFactory _other = null!;

    public async Task InitializeAsync()
    {
        // A second API process over the same database and signing keys, as behind a load balancer.
        _other = new RegistryApiFactory().With("Auth:KeyDirectory", api.KeyDirectory);
        await _other.InitializeAsync();
    }

    public async Task DisposeAsync() => await _other.DisposeAsync();

    [Fact]
    public async Task ADisabledAccountsTokenStopsInEveryProcess()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        using var elsewhere = _other.CreateClientWithToken(supplier.Tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/v1/auth/me")).StatusCode);

        await AdminUpdateAsync(supplier.Id, new { disabled = true });

        Assert.Equal(HttpStatusCode.Unauthorized, (await supplier.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        await RefusedSoonAsync(elsewhere, "/api/v1/auth/me");
    }

    [Fact]
    public async Task ADemotedCoordinatorLosesTheAuditLogAtOnceAndSignsInAgainAsWhatItIsNow()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var elsewhere = _other.CreateClientWithToken(coordinator.Tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/v1/audit-log")).StatusCode);

        await AdminUpdateAsync(coordinator.Id, new { role = "member" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await coordinator.Client.GetAsync("/api/v1/audit-log")).StatusCode);
        await RefusedSoonAsync(elsewhere, "/api/v1/audit-log");
        // A new sign-in carries the new role.
        var tokens = await TestAccounts.LoginAsync(api, coordinator.Email, TestAccounts.Password);
        using var again = _other.CreateClientWithToken(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/v1/audit-log")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task APasswordResetEndsEverySignInOfTheAccount()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var elsewhere = _other.CreateClientWithToken(member.Tokens.AccessToken);

        await AdminUpdateAsync(member.Id, new { password = "a new and long enough passphrase" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        await RefusedSoonAsync(elsewhere, "/api/v1/auth/me");
    }

    [Fact]
    public async Task LogoutEndsThatSignInOnlyAndReuseOfARefreshTokenEndsItsSignIn()
    {
        var (_, email) = await TestAccounts.CreateAsync(api, "member");
        var first = await TestAccounts.LoginAsync(api, email, TestAccounts.Password);
        var second = await TestAccounts.LoginAsync(api, email, TestAccounts.Password);
        using var firstElsewhere = _other.CreateClientWithToken(first.AccessToken);
        using var secondElsewhere = _other.CreateClientWithToken(second.AccessToken);
        using var anonymous = api.CreateClient();

        using var logout = await anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var firstHere = api.CreateClientWithToken(first.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await firstHere.GetAsync("/api/v1/auth/me")).StatusCode);
        await RefusedSoonAsync(firstElsewhere, "/api/v1/auth/me");
        // The other sign-in of the same account goes on.
        Assert.Equal(HttpStatusCode.OK, (await secondElsewhere.GetAsync("/api/v1/auth/me")).StatusCode);

        // The second sign-in's refresh token is used, its successor too, then the first presented again (it leaked):
        // that sign-in ends.
        using var rotated = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken });
        using var onwards = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = (await rotated.ReadJsonAsync<TokenPair>())!.RefreshToken });
        var renewed = (await onwards.ReadJsonAsync<TokenPair>())!;
        using var reused = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        using var renewedElsewhere = _other.CreateClientWithToken(renewed.AccessToken);
        await RefusedSoonAsync(secondElsewhere, "/api/v1/auth/me");
        await RefusedSoonAsync(renewedElsewhere, "/api/v1/auth/me");
    }

    [Fact]
    public async Task ARevokedApiClientsTokenStopsInEveryProcess()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        using var created = await admin.Client.PostAsJsonAsync("/api/v1/api-clients", new { name = "失効テスト", scopes = new[] { "webhooks:manage" } });
        var client = (await created.ReadJsonAsync<ApiClientWithSecret>())!;
        var token = await ClientTokenAsync(client);
        using var elsewhere = _other.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/v1/webhooks")).StatusCode);

        using var rotated = await admin.Client.PostAsync($"/api/v1/api-clients/{client.Client.Id}/rotate-secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        await RefusedSoonAsync(elsewhere, "/api/v1/webhooks");

        var fresh = await ClientTokenAsync((await rotated.ReadJsonAsync<ApiClientWithSecret>())!);
        using var freshElsewhere = _other.CreateClientWithToken(fresh);
        Assert.Equal(HttpStatusCode.OK, (await freshElsewhere.GetAsync("/api/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/v1/api-clients/{client.Client.Id}")).StatusCode);
        await RefusedSoonAsync(freshElsewhere, "/api/v1/webhooks");
    }

    [Fact]
    public async Task AProcessStartedAfterTheRevocationKnowsIt()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");
        await AdminUpdateAsync(member.Id, new { disabled = true });

        await using var third = new RegistryApiFactory().With("Auth:KeyDirectory", api.KeyDirectory);
        await third.InitializeAsync();
        using var there = third.CreateClientWithToken(member.Tokens.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await there.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    private async Task AdminUpdateAsync(Guid account, object change)
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        using var read = await admin.Client.GetAsync($"/api/v1/accounts/{account}");
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/accounts/{account}") { Content = JsonContent.Create(change) };
        request.Headers.IfMatch.Add(read.Headers.ETag!);
        using var response = await admin.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> ClientTokenAsync(ApiClientWithSecret client)
    {
        using var anonymous = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{client.Client.Id}:{client.ClientSecret}")));
        using var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync<ClientTokenResponse>())!.AccessToken;
    }

    /// <summary>
    /// The other process learns of the change from PostgreSQL's notification, within milliseconds of the commit; the
    /// test allows it a few seconds on a loaded machine (it measures nothing), and fails if the token keeps working.
    /// </summary>
    private static async Task RefusedSoonAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        HttpStatusCode status;
        do
        {
            using var response = await client.GetAsync(path);
            status = response.StatusCode;
            if (status == HttpStatusCode.Unauthorized)
            {
                return;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"{path} still answers {(int)status} with a revoked token.");
    }
}
