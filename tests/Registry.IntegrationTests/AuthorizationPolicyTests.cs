using System.Net;
using System.Net.Http.Json;
using Registry.Contracts.Auth;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>The domain policies, through HTTP like every other rule: real accounts, real links, real tokens.</summary>
[Collection(SharedApi.Name)]
public sealed class AuthorizationPolicyTests(RegistryApiFactory api)
{
    [Fact]
    public async Task SupplierMayEditOnlyTheSitesLinkedToItsAccount()
    {
        var own = await Sites.InsertBareAsync(api);
        var other = await Sites.InsertBareAsync(api);
        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [own]);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(supplier.Client, $"/api/v1/suppliers/{own}/history"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(supplier.Client, $"/api/v1/suppliers/{other}/history"));
    }

    [Fact]
    public async Task CoordinatorMayEditAnySiteAndMemberNone()
    {
        var site = await Sites.InsertBareAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var member = await TestAccounts.SignInAsync(api, "member", [site]);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(coordinator.Client, $"/api/v1/suppliers/{site}/history"));
        // A link alone is not enough: the account must also have the supplier role.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(member.Client, $"/api/v1/suppliers/{site}/history"));
    }

    [Theory]
    [InlineData("feed:read", "/api/v1/webhooks", HttpStatusCode.Forbidden)]
    [InlineData("webhooks:manage", "/api/v1/webhooks", HttpStatusCode.OK)]
    [InlineData("feed:read suppliers:import", "/api/v1/imports/019a0000-0000-7000-8000-00000000dead", HttpStatusCode.NotFound)]
    [InlineData("feed:read", "/api/v1/imports/019a0000-0000-7000-8000-00000000dead", HttpStatusCode.Forbidden)]
    public async Task ScopePoliciesFollowTheTokensScope(string scopes, string path, HttpStatusCode expected)
    {
        // NotFound: the scope let the request through to an import that does not exist.
        using var client = await TestAccounts.IntegratorAsync(api, $"scopes {Guid.NewGuid():N}", scopes.Split(' '));

        Assert.Equal(expected, await StatusAsync(client, path));
    }

    [Fact]
    public async Task ApiClientIsNotAMember()
    {
        using var client = await TestAccounts.IntegratorAsync(api, $"not a member {Guid.NewGuid():N}", "feed:read");
        using var member = await TestAccounts.SignInAsync(api, "member");

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/api/v1/matching-requests"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(member.Client, "/api/v1/matching-requests"));
    }

    [Fact]
    public async Task AfterKeyRotationOldTokensStillVerifyAndNewOnesUseTheNewKey()
    {
        await using var rotating = new RegistryApiFactory();
        using var admin = await TestAccounts.SignInAsync(rotating, "admin");
        var oldKid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(admin.Tokens.AccessToken).Kid;

        using var rotate = await admin.Client.PostAsync("/api/v1/auth/signing-keys/rotate", null);
        var rotated = (await rotate.ReadJsonAsync<SigningKeyRotated>())!;
        using var fresh = await TestAccounts.SignInAsync(rotating, "member");
        using var anonymous = rotating.CreateClient();
        var jwks = (await anonymous.GetFromJsonAsync<JsonWebKeySet>("/.well-known/jwks.json", Json.Options))!;

        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        Assert.NotEqual(oldKid, rotated.Kid);
        Assert.Equal(rotated.Kid, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(fresh.Tokens.AccessToken).Kid);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal([rotated.Kid, oldKid], jwks.Keys.Select(k => k.Kid));
    }

    [Fact]
    public async Task RotationsInQuickSuccessionKeepAtMostSixteenKeysInTheJwks()
    {
        await using var rotating = new RegistryApiFactory();
        await rotating.InitializeAsync();
        var kids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            // Each time signed by the newest key: a token of a key retired early gets 401, like an expired one.
            using var admin = await TestAccounts.SignInAsync(rotating, "admin");
            using var rotate = await admin.Client.PostAsync("/api/v1/auth/signing-keys/rotate", null);
            Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
            kids.Add((await rotate.ReadJsonAsync<SigningKeyRotated>())!.Kid);
            await Task.Delay(5);
        }

        using var anonymous = rotating.CreateClient();
        var jwks = (await anonymous.GetFromJsonAsync<JsonWebKeySet>("/.well-known/jwks.json", Json.Options))!;
        using var fresh = await TestAccounts.SignInAsync(rotating, "member");

        // The contract check on this client also holds the answer to its declared maxItems.
        Assert.Equal(16, jwks.Keys.Count);
        Assert.Equal(Enumerable.Reverse(kids).Take(16), jwks.Keys.Select(k => k.Kid));
        Assert.Equal(HttpStatusCode.OK, (await fresh.Client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }
}
