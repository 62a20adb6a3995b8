using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Auth;
using Registry.Contracts.Auth;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>The domain policies, evaluated by the service's own authorization service against real account links.</summary>
[Collection(SharedApi.Name)]
public sealed class AuthorizationPolicyTests(RegistryApiFactory api)
{
    [Fact]
    public async Task SupplierMayEditOnlyTheSitesLinkedToItsAccount()
    {
        var own = await Sites.InsertBareAsync(api);
        var other = await Sites.InsertBareAsync(api);
        var (id, _) = await TestAccounts.CreateAsync(api, "supplier", [own]);
        var supplier = Principal(("sub", id.ToString()), ("role", "supplier"));

        Assert.True(await AllowedAsync(supplier, own, Policies.CanEditSupplier));
        Assert.False(await AllowedAsync(supplier, other, Policies.CanEditSupplier));
    }

    [Fact]
    public async Task CoordinatorMayEditAnySiteAndMemberNone()
    {
        var site = await Sites.InsertBareAsync(api);
        var (coordinatorId, _) = await TestAccounts.CreateAsync(api, "coordinator");
        var (memberId, _) = await TestAccounts.CreateAsync(api, "member", [site]);

        Assert.True(await AllowedAsync(Principal(("sub", coordinatorId.ToString()), ("role", "coordinator")), site, Policies.CanEditSupplier));
        // A link alone is not enough: the account must also have the supplier role.
        Assert.False(await AllowedAsync(Principal(("sub", memberId.ToString()), ("role", "member")), site, Policies.CanEditSupplier));
    }

    [Theory]
    [InlineData("feed:read", "Scope:feed:read", true)]
    [InlineData("feed:read suppliers:import", "Scope:suppliers:import", true)]
    [InlineData("feed:read", "Scope:webhooks:manage", false)]
    [InlineData("", "Scope:feed:read", false)]
    public async Task ScopePoliciesFollowTheTokensScope(string scope, string policy, bool allowed)
    {
        var client = Principal(("sub", Guid.NewGuid().ToString()), ("client_id", Guid.NewGuid().ToString()), ("scope", scope));

        Assert.Equal(allowed, await AllowedAsync(client, resource: null, policy));
    }

    [Fact]
    public async Task ApiClientIsNotAMember()
    {
        var client = Principal(("sub", Guid.NewGuid().ToString()), ("client_id", Guid.NewGuid().ToString()), ("scope", "feed:read"));

        Assert.False(await AllowedAsync(client, resource: null, Policies.Member));
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

    private async Task<bool> AllowedAsync(ClaimsPrincipal user, object? resource, string policy)
    {
        using var scope = api.Services.CreateScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(user, resource, policy)).Succeeded;
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer", "name", "role"));
}
