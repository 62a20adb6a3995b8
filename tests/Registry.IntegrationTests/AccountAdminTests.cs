using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Registry.Contracts;
using Registry.Contracts.Accounts;
using Registry.Contracts.Audit;
using Registry.Contracts.Problems;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class AccountAdminTests(RegistryApiFactory api)
{
    [Fact]
    public async Task AdminCreatesAnAccountThatCanSignIn()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        var email = $"new-{Guid.NewGuid():N}@test.example";
        var site = await Sites.InsertBareAsync(api);

        using var response = await admin.Client.PostAsJsonAsync("/api/v1/accounts", new
        {
            email,
            displayName = "新しい 担当者",
            role = "supplier",
            organisation = "テスト金属",
            password = "a long enough password",
            supplierIds = new[] { site },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = (await response.ReadJsonAsync<Account>())!;
        Assert.Equal($"/api/v1/accounts/{account.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(AccountRole.Supplier, account.Role);
        Assert.Equal([site], account.SupplierIds);
        var tokens = await TestAccounts.LoginAsync(api, email, "a long enough password");
        Assert.Equal([site], tokens.User.SupplierIds);
    }

    [Fact]
    public async Task LinkingANonexistentSiteIsAFieldError()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");

        using var response = await admin.Client.PostAsJsonAsync("/api/v1/accounts", new
        {
            email = $"nosite-{Guid.NewGuid():N}@test.example",
            displayName = "x",
            role = "supplier",
            password = "a long enough password",
            supplierIds = new[] { Guid.CreateVersion7() },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("supplierIds", (await response.ReadJsonAsync<Problem>())!.Errors!.Keys);
    }

    [Fact]
    public async Task SameEmailTwiceIs409()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        var body = new { email = $"dup-{Guid.NewGuid():N}@test.example", displayName = "x", role = "member", password = "a long enough password" };

        using var first = await admin.Client.PostAsJsonAsync("/api/v1/accounts", body);
        using var second = await admin.Client.PostAsJsonAsync("/api/v1/accounts", body with { email = body.email.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task ShortPasswordIsAValidationProblemOnThePasswordField()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");

        using var response = await admin.Client.PostAsJsonAsync("/api/v1/accounts",
            new { email = "short@test.example", displayName = "x", role = "member", password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("password", (await response.ReadJsonAsync<Problem>())!.Errors!.Keys);
    }

    [Fact]
    public async Task UpdateNeedsIfMatchAndRefusesAStaleOne()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        var (id, _) = await TestAccounts.CreateAsync(api, "member");

        using var missing = await admin.Client.PatchAsJsonAsync($"/api/v1/accounts/{id}", new { role = "coordinator" });
        using var stale = await Patch(admin.Client, id, "\"7\"", new { role = "coordinator" });
        using var current = await Patch(admin.Client, id, "\"1\"", new { role = "coordinator" });
        using var replayed = await Patch(admin.Client, id, "\"1\"", new { role = "admin" });

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"2\"", current.Headers.ETag?.Tag);
        Assert.Equal(AccountRole.Coordinator, (await current.ReadJsonAsync<Account>())!.Role);
        Assert.Equal(HttpStatusCode.PreconditionFailed, replayed.StatusCode);
    }

    [Fact]
    public async Task AnAccountOrSiteThatDoesNotExistIs404()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var nobody = Guid.CreateVersion7();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/accounts/{nobody}") { Content = JsonContent.Create(new { displayName = "誰か" }) };
        patch.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));

        // The contract check on these clients holds each 404 to its declaration.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/api/v1/accounts/{nobody}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.SendAsync(patch)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.GetAsync($"/api/v1/suppliers/{nobody}/history")).StatusCode);
    }

    [Fact]
    public async Task ReadingWithTheCurrentETagIs304()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        var (id, _) = await TestAccounts.CreateAsync(api, "member");
        using var read = await admin.Client.GetAsync($"/api/v1/accounts/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/accounts/{id}");
        request.Headers.IfNoneMatch.Add(read.Headers.ETag!);
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/accounts/{id}");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"1\""));

        using var response = await admin.Client.SendAsync(request);
        using var bare = await admin.Client.SendAsync(stale);

        Assert.StartsWith("\"1-", read.Headers.ETag!.Tag, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        // The version alone names no view.
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
    }

    [Fact]
    public async Task DisablingAnAccountEndsItsSignInsAndStopsLogin()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        using var member = await TestAccounts.SignInAsync(api, "member");

        using var disable = await Patch(admin.Client, member.Id, "\"1\"", new { disabled = true });
        using var anonymous = api.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = TestAccounts.Password });
        using var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = member.Tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task AuditLogRecordsTheWriteWithTheRightActorAndNoSecret()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        using var created = await admin.Client.PostAsJsonAsync("/api/v1/accounts", new
        {
            email = $"audited-{Guid.NewGuid():N}@test.example",
            displayName = "監査 対象",
            role = "member",
            password = "a secret password nobody may read",
        });
        var account = (await created.ReadJsonAsync<Account>())!;
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");

        using var response = await coordinator.Client.GetAsync($"/api/v1/audit-log?resource=account&resourceId={account.Id}");
        var body = await response.Content.ReadAsStringAsync();
        var page = (await response.ReadJsonAsync<Page<AuditEntry>>())!;

        var entry = Assert.Single(page.Items);
        Assert.Equal(("account.created", "account", admin.Id.ToString()), (entry.Action, entry.ActorKind, entry.ActorId));
        Assert.Equal("Test admin", entry.ActorName);
        Assert.Equal(account.Email, entry.After!.Value.GetProperty("email").GetString());
        Assert.DoesNotContain("a secret password nobody may read", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLogPagesWithACursorAndLinkHeader()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        var (id, _) = await TestAccounts.CreateAsync(api, "member");
        for (var version = 1; version <= 3; version++)
        {
            using var _ = await Patch(admin.Client, id, $"\"{version}\"", new { displayName = "name " + version });
        }

        using var first = await admin.Client.GetAsync($"/api/v1/audit-log?resourceId={id}&limit=2");
        var firstPage = (await first.ReadJsonAsync<Page<AuditEntry>>())!;
        using var second = await admin.Client.GetAsync($"/api/v1/audit-log?resourceId={id}&limit=2&cursor={firstPage.NextCursor}");
        var secondPage = (await second.ReadJsonAsync<Page<AuditEntry>>())!;

        Assert.Equal(2, firstPage.Items.Count);
        Assert.NotNull(firstPage.NextCursor);
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.Single(secondPage.Items);
        Assert.Null(secondPage.NextCursor);
        Assert.True(firstPage.Items[1].Id.CompareTo(secondPage.Items[0].Id) > 0, "newest first, no overlap");
    }

    [Fact]
    public async Task UnknownQueryParameterIs400()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");

        using var response = await admin.Client.GetAsync("/api/v1/accounts?rol=admin");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.ReadJsonAsync<Problem>())!;
        Assert.Equal("/problems/unknown-query-parameter", problem.Type);
        Assert.Contains("rol", problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("/api/v1/accounts")]
    [InlineData("/api/v1/api-clients")]
    [InlineData("/api/v1/audit-log")]
    public async Task ACursorThisServiceDidNotGiveOutIs400(string list)
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");

        using var response = await admin.Client.GetAsync(list + "?cursor=" + System.Buffers.Text.Base64Url.EncodeToString("not-an-id"u8));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.ReadJsonAsync<Problem>())!;
        Assert.Equal("/problems/invalid-cursor", problem.Type);
        Assert.Contains("cursor", problem.Errors!.Keys);
    }

    [Fact]
    public async Task LimitOutOfRangeIs400()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");

        using var response = await admin.Client.GetAsync("/api/v1/accounts?limit=500");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Patch(HttpClient client, Guid id, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/accounts/{id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return client.SendAsync(request);
    }
}
