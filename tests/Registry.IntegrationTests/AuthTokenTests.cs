using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Registry.Contracts.Auth;
using Registry.Contracts.Problems;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>Every way a bearer token can be wrong is refused with 401 (RFC 8725); a right token without the role is 403.</summary>
[Collection(SharedApi.Name)]
public sealed class AuthTokenTests(RegistryApiFactory api)
{
    private const string Protected = "/api/v1/auth/me";

    [Fact]
    public async Task NoTokenIsRefusedWith401Problem()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync(Protected);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/unauthorized", (await response.ReadJsonAsync<Problem>())!.Type);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task ValidTokenIsAccepted()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");

        using var response = await member.Client.GetAsync(Protected);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.ReadJsonAsync<CurrentUser>();
        Assert.Equal(member.Id.ToString(), me!.Id);
        Assert.Equal("member", me.Role);
    }

    [Fact]
    public async Task AlgNoneTokenIsRefused()
    {
        var header = Segment("""{"alg":"none","typ":"JWT"}""");
        var payload = Segment(Payload(issuer: "urn:registry:builtin", audience: "registry-api", role: "admin"));

        await AssertRefusedAsync($"{header}.{payload}.");
    }

    [Fact]
    public async Task TokenSignedByAnotherKeyIsRefused()
    {
        using var foreign = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new ECDsaSecurityKey(foreign) { KeyId = "attacker" };

        await AssertRefusedAsync(Sign(key, issuer: "urn:registry:builtin", audience: "registry-api"));
    }

    [Fact]
    public async Task TokenFromAnotherIssuerIsRefused() =>
        await AssertRefusedAsync(Sign(RealKey(), issuer: "https://elsewhere.example", audience: "registry-api"));

    [Fact]
    public async Task TokenForAnotherAudienceIsRefused() =>
        await AssertRefusedAsync(Sign(RealKey(), issuer: "urn:registry:builtin", audience: "another-api"));

    [Fact]
    public async Task ExpiredTokenIsRefused() =>
        await AssertRefusedAsync(Sign(RealKey(), issuer: "urn:registry:builtin", audience: "registry-api", expires: DateTime.UtcNow.AddMinutes(-5)));

    [Fact]
    public async Task TamperedPayloadIsRefused()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");
        var parts = member.Tokens.AccessToken.Split('.');
        var claims = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"member\"", "\"admin\"", StringComparison.Ordinal);

        await AssertRefusedAsync($"{parts[0]}.{Segment(claims)}.{parts[2]}");
    }

    [Fact]
    public async Task HmacTokenKeyedWithThePublicKeyIsRefused()
    {
        // The classic algorithm confusion: HS256 with the verifier's public key as the shared secret.
        using var client = api.CreateClient();
        var jwks = await client.GetStringAsync("/.well-known/jwks.json");
        var hmac = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwks.PadRight(64)));

        await AssertRefusedAsync(new JsonWebTokenHandler().CreateToken(Descriptor(
            new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256), "urn:registry:builtin", "registry-api", DateTime.UtcNow.AddMinutes(5))));
    }

    [Fact]
    public async Task ValidTokenWithoutTheRoleIs403Problem()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");

        using var response = await member.Client.GetAsync("/api/v1/accounts");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("/problems/forbidden", (await response.ReadJsonAsync<Problem>())!.Type);
    }

    private async Task AssertRefusedAsync(string token)
    {
        using var client = api.CreateClientWithToken(token);
        using var response = await client.GetAsync(Protected);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private ECDsaSecurityKey RealKey()
    {
        var ec = ECDsa.Create();
        ec.ImportFromPem(File.ReadAllText(Directory.GetFiles(api.KeyDirectory, "*.pem").Order(StringComparer.Ordinal).Last()));
        var key = new ECDsaSecurityKey(ec);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static string Sign(SecurityKey key, string issuer, string audience, DateTime? expires = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            Descriptor(new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256), issuer, audience, expires ?? DateTime.UtcNow.AddMinutes(5)));

    private static SecurityTokenDescriptor Descriptor(SigningCredentials credentials, string issuer, string audience, DateTime expires) => new()
    {
        Issuer = issuer,
        Audience = audience,
        IssuedAt = expires.AddMinutes(-15),
        NotBefore = expires.AddMinutes(-15),
        Expires = expires,
        Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["role"] = "admin", ["name"] = "forged" },
        SigningCredentials = credentials,
    };

    private static string Payload(string issuer, string audience, string role) =>
        $$"""{"sub":"{{Guid.NewGuid()}}","iss":"{{issuer}}","aud":"{{audience}}","role":"{{role}}","exp":{{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}""";

    private static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
