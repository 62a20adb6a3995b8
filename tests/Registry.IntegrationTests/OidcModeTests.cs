using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Registry.Contracts.Problems;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// With Auth:Mode=oidc the service trusts an external provider (here a small one on loopback that publishes its
/// discovery document and keys) and maps the provider's role claim; the built-in issuer is off.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class OidcModeTests : IAsyncLifetime
{
    private readonly RSA _providerKey = RSA.Create(2048);
    private WebApplication? _provider;
    private RegistryApiFactory? _api;
    private string _authority = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        _provider.MapGet("/.well-known/openid-configuration", () => Results.Json(new { issuer = _authority, jwks_uri = _authority + "/keys" }));
        _provider.MapGet("/keys", () =>
        {
            var p = _providerKey.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "provider-1", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        await _provider.StartAsync();
        _authority = _provider.Urls.Single();

        _api = new RegistryApiFactory()
            .With("Auth:Mode", "oidc")
            .With("Auth:Oidc:Authority", _authority)
            .With("Auth:Oidc:Audience", "registry-api")
            .With("Auth:Oidc:RoleClaim", "registry_role")
            .With("Auth:Oidc:RequireHttpsMetadata", "false");
    }

    [Fact]
    public async Task ProviderTokenIsAcceptedAndItsRoleClaimIsTheRegistryRole()
    {
        using var coordinator = _api!.CreateClientWithToken(ProviderToken(role: "coordinator", issuer: _authority));

        using var audit = await coordinator.GetAsync("/api/v1/audit-log");

        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    [Fact]
    public async Task ProviderTokenWithoutTheRoleIs403AndForeignIssuerIs401()
    {
        using var member = _api!.CreateClientWithToken(ProviderToken(role: "member", issuer: _authority));
        using var foreign = _api.CreateClientWithToken(ProviderToken(role: "coordinator", issuer: "https://other-issuer.example"));

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/audit-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await foreign.GetAsync("/api/v1/audit-log")).StatusCode);
    }

    [Fact]
    public async Task BuiltInIssuerIsOff()
    {
        using var client = _api!.CreateClient();

        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "a@test.example", password = "whatever whatever" });
        using var jwks = await client.GetAsync("/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
        Assert.Equal("/problems/issuer-off", (await login.ReadJsonAsync<Problem>())!.Type);
        Assert.Equal(HttpStatusCode.NotFound, jwks.StatusCode);
    }

    private string ProviderToken(string role, string issuer) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = "registry-api",
        Expires = DateTime.UtcNow.AddMinutes(5),
        Claims = new Dictionary<string, object> { ["sub"] = "provider-user-42", ["name"] = "外部 利用者", ["registry_role"] = role },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_providerKey) { KeyId = "provider-1" }, SecurityAlgorithms.RsaSha256),
    });

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _providerKey.Dispose();
    }
}
