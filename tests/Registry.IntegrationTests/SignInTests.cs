using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Registry.Api.Auth;
using Registry.Contracts.Auth;
using Registry.Contracts.Problems;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class SignInTests(RegistryApiFactory api)
{
    [Fact]
    public async Task UnknownEmailAndWrongPasswordGetTheSameAnswer()
    {
        var (_, email) = await TestAccounts.CreateAsync(api, "member");
        using var client = api.CreateClient();

        using var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password at all" });
        using var unknownEmail = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody-" + Guid.NewGuid() + "@test.example", password = "not the password at all" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var a = (await wrongPassword.ReadJsonAsync<Problem>())!;
        var b = (await unknownEmail.ReadJsonAsync<Problem>())!;
        Assert.Equal((a.Type, a.Title, a.Detail), (b.Type, b.Title, b.Detail));
        Assert.Equal("/problems/invalid-credentials", a.Type);
    }

    [Fact]
    public async Task RepeatedFailuresForAnAccountFromOneAddressPauseItThereEvenForTheRightPassword()
    {
        var (_, email) = await TestAccounts.CreateAsync(api, "member");
        using var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong password " + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var throttled = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("/problems/login-throttled", (await throttled.ReadJsonAsync<Problem>())!.Type);
        Assert.InRange(RetryAfter(throttled), 1, 15 * 60);
    }

    [Fact]
    public async Task FailuresFromAttackersAddressesDoNotKeepTheOwnerOutOfTheirAccount()
    {
        var (_, email) = await TestAccounts.CreateAsync(api, "member");
        // Twenty failures, five from each of four addresses: each address is then paused for this account ...
        foreach (var address in new[] { "203.0.113.61", "203.0.113.62", "2001:db8::63", "203.0.113.64" })
        {
            using var attacker = api.CreateClientFrom(address);
            for (var i = 0; i < 5; i++)
            {
                using var failed = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "guess " + i });
                Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            }

            using var paused = await attacker.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password });
            Assert.Equal(HttpStatusCode.TooManyRequests, paused.StatusCode);
        }

        // ... and the owner, from their own, signs in.
        using var owner = api.CreateClientFrom("198.51.100.20");
        using var signedIn = await owner.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task PastTheAccountsThresholdEachFailureDoublesTheWaitUpToFiveMinutesThenTheOwnerSignsIn()
    {
        // Only the throttle's clock is fake, on a whole second, so that Retry-After is exact.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var slowed = new RegistryApiFactory().With("Auth:LoginFailuresPerAccount", "3")
            .WithServices(services => services.AddSingleton(sp => new LoginThrottle(sp.GetRequiredService<AuthOptions>(), clock)));
        var (_, email) = await TestAccounts.CreateAsync(slowed, "member");
        var addresses = 0;
        // Every attempt from a new address, as a botnet would: only the account's own count applies.
        async Task<HttpResponseMessage> AttemptAsync(string password)
        {
            using var client = slowed.CreateClientFrom($"2001:db8::{++addresses:x}");
            return await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        }

        for (var i = 0; i < 3; i++)
        {
            using var failed = await AttemptAsync("guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var waits = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            using var paused = await AttemptAsync(TestAccounts.Password);
            Assert.Equal(HttpStatusCode.TooManyRequests, paused.StatusCode);
            waits.Add(RetryAfter(paused));
            clock.Advance(TimeSpan.FromSeconds(waits[^1] - 1));
            using var early = await AttemptAsync(TestAccounts.Password);
            Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
            clock.Advance(TimeSpan.FromSeconds(1));
            using var failed = await AttemptAsync("guess again " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300], waits);
        clock.Advance(TimeSpan.FromMinutes(5));
        using var owner = await AttemptAsync(TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task RepeatedFailuresFromOneAddressThrottleEveryAccountFromIt()
    {
        await using var strict = new RegistryApiFactory().With("Auth:LoginFailuresPerAddress", "3");
        var (_, email) = await TestAccounts.CreateAsync(strict, "member");
        using var client = strict.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var _ = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"guess-{i}-{Guid.NewGuid():N}@test.example", password = "guessing guessing" });
        }

        using var throttled = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    [Fact]
    public async Task PasswordsAreStoredOnlyAsHashes()
    {
        var (id, _) = await TestAccounts.CreateAsync(api, "member");
        await using var connection = new NpgsqlConnection(api.ConnectionString);

        var stored = await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM accounts WHERE id = @id", new { id });

        Assert.DoesNotContain(TestAccounts.Password, stored!, StringComparison.Ordinal);
        Assert.True(stored!.Length > 40);
    }

    [Fact]
    public async Task MalformedJsonIsA400ProblemNotA500()
    {
        using var client = api.CreateClient();
        using var content = new StringContent("{\"email\": \"a@b.example\", \"password\": ", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/v1/auth/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/malformed-request", (await response.ReadJsonAsync<Problem>())!.Type);
    }

    [Fact]
    public async Task MissingFieldsAreA400WithFieldErrors()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "not-an-email", password = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.ReadJsonAsync<Problem>())!;
        Assert.Equal("/problems/validation", problem.Type);
        Assert.Contains("email", problem.Errors!.Keys);
        Assert.Contains("password", problem.Errors.Keys);
    }

    [Fact]
    public async Task RefreshRotatesAndTheOldTokenNoLongerWorks()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var client = api.CreateClient();

        using var first = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });
        var rotated = (await first.ReadJsonAsync<TokenPair>())!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(member.Tokens.RefreshToken, rotated.RefreshToken);
        using var me = api.CreateClientWithToken(rotated.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task ReusingARefreshTokenRevokesTheWholeFamily()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var client = api.CreateClient();
        using var rotation = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });
        var next = (await rotation.ReadJsonAsync<TokenPair>())!.RefreshToken;
        // The legitimate client goes on (so a second presentation of the first token can no longer be a retry) ...
        using var onwards = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = next });
        var current = (await onwards.ReadJsonAsync<TokenPair>())!.RefreshToken;

        // ... and an attacker replays the stolen, already used token ...
        using var replay = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });
        // ... and from then on even the legitimate, newest token of that sign-in is dead.
        using var legitimate = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = current });

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, legitimate.StatusCode);
        Assert.Equal("/problems/invalid-refresh-token", (await legitimate.ReadJsonAsync<Problem>())!.Type);
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM audit_log WHERE action = 'auth.refresh_token_reused' AND actor_id = @id", new { id = member.Id.ToString() }));
    }

    [Fact]
    public async Task ARefreshWhoseAnswerWasLostCanBeAskedAgainOnceAndTheLostTokenDies()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var client = api.CreateClient();

        // The first answer never reached the browser (the tab reloaded mid-request): its token was never used.
        using var lost = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });
        var lostToken = (await lost.ReadJsonAsync<TokenPair>())!.RefreshToken;
        using var retried = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });
        var kept = (await retried.ReadJsonAsync<TokenPair>())!;
        using var stale = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = lostToken });
        using var onwards = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = kept.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.NotEqual(lostToken, kept.RefreshToken);
        // The sign-in keeps exactly one live token: the lost one is refused, the retried one goes on.
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onwards.StatusCode);
        using var me = api.CreateClientWithToken(kept.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task LogoutRevokesTheRefreshToken()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var client = api.CreateClient();

        using var logout = await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = member.Tokens.RefreshToken });
        using var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    private static int RetryAfter(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task JwksPublishesTheKeyThatSignedTheToken()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var client = api.CreateClient();

        var jwks = (await client.GetFromJsonAsync<JsonWebKeySet>("/.well-known/jwks.json", Json.Options))!;
        var kid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(member.Tokens.AccessToken).Kid;

        Assert.Contains(jwks.Keys, k => k.Kid == kid && k is { Kty: "EC", Crv: "P-256", Alg: "ES256" });
    }
}
