using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Registry.Contracts;
using Registry.Contracts.Accounts;
using Registry.Contracts.Problems;
using Registry.Contracts.Search;
using Registry.Contracts.Webhooks;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// List cursors are signed and bound to their list and sort: forged, edited or foreign ones (they used to be 500s)
/// are a 400 invalid-cursor problem on every list, and any process sharing the key directory accepts the others'.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class CursorTests(RegistryApiFactory api)
{
    private static string Encoded(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task EveryListRefusesACursorItDidNotGiveOut()
    {
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        await TestAccounts.CreateAsync(api, "member");
        var site = await Sites.CreateAsync(admin.Client, Sites.Input("カーソル精工"));
        using var integrator = await TestAccounts.IntegratorAsync(api, "カーソルテスト", "webhooks:manage");
        using var created = await integrator.PostAsJsonAsync("/api/v1/webhooks",
            new WebhookInput { Url = "http://127.0.0.1:9/hooks", EventTypes = ["supplier.archived"] }, Json.Options);
        var webhook = (await created.ReadJsonAsync<WebhookWithSecret>())!.Webhook;
        var accountsCursor = (await (await admin.Client.GetAsync("/api/v1/accounts?limit=1")).ReadJsonAsync<Page<Account>>())!.NextCursor!;
        var lists = new (HttpClient Client, string Path)[]
        {
            (api.CreateClient(), "/api/v1/suppliers?sort=name"),
            (admin.Client, "/api/v1/suppliers/verification-queue"),
            (admin.Client, $"/api/v1/suppliers/{site.Id}/history"),
            (admin.Client, "/api/v1/audit-log"),
            (admin.Client, "/api/v1/accounts"),
            (admin.Client, "/api/v1/api-clients"),
            (admin.Client, "/api/v1/matching-requests"),
            (admin.Client, "/api/v1/clusters"),
            (integrator, $"/api/v1/webhooks/{webhook.Id}/deliveries"),
        };
        string[] forged =
        [
            "e30",                                                  // {}
            Encoded("""{"x":1}"""),
            "abc",
            Encoded(site.Id.ToString()),                            // the unsigned form cursors used to have
            Encoded($$"""{"Value":"a","Id":"{{site.Id}}"}"""),
            Encoded("0|2020-01-01T00:00:00.0000000Z|" + site.Id),
            accountsCursor[..^2] + (accountsCursor[^2] == 'A' ? "B" : "A") + accountsCursor[^1],   // one character changed
            accountsCursor,                                         // a real one, of the accounts list
        ];

        var failures = new List<string>();
        foreach (var (client, path) in lists)
        {
            foreach (var cursor in forged.Where(c => !(c == accountsCursor && path == "/api/v1/accounts")))
            {
                using var response = await client.GetAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("\"/problems/invalid-cursor\"", StringComparison.Ordinal))
                {
                    failures.Add($"{path} cursor={cursor}: {(int)response.StatusCode} {body}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task TheInvalidCursorProblemSpeaksTheCallersLanguage()
    {
        using var client = api.CreateClient();
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/clusters?cursor=e30");
        english.Headers.AcceptLanguage.ParseAdd("en");

        var inJapanese = (await (await client.GetAsync("/api/v1/clusters?cursor=e30")).ReadJsonAsync<Problem>())!;
        var inEnglish = (await (await client.SendAsync(english)).ReadJsonAsync<Problem>())!;

        Assert.Equal(("/problems/invalid-cursor", 400, "カーソルが無効です"), (inJapanese.Type, inJapanese.Status!.Value, inJapanese.Title));
        Assert.Equal(("/problems/invalid-cursor", "Invalid cursor"), (inEnglish.Type, inEnglish.Title));
        Assert.Contains("cursor", inEnglish.Errors!.Keys);
    }

    [Fact]
    public async Task ASearchCursorIsBoundToTheSortItWasGivenFor()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        await Sites.PublishedAsync(coordinator.Client, Sites.Input("並び順精工 一"));
        await Sites.PublishedAsync(coordinator.Client, Sites.Input("並び順精工 二", Sites.Okazaki));
        using var client = api.CreateClient();
        const string Near = "lat=35.08&lon=137.15";
        var byName = (await SearchAsync(client, "sort=name&limit=1")).NextCursor!;
        var byDistance = (await SearchAsync(client, $"sort=distance&{Near}&limit=1")).NextCursor!;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/suppliers?sort=name&limit=1&cursor={byName}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/suppliers?sort=distance&{Near}&limit=1&cursor={byDistance}")).StatusCode);
        await AssertInvalidCursorAsync(await client.GetAsync($"/api/v1/suppliers?sort=distance&{Near}&limit=1&cursor={byName}"));
        await AssertInvalidCursorAsync(await client.GetAsync($"/api/v1/suppliers?sort=name&limit=1&cursor={byDistance}"));
        await AssertInvalidCursorAsync(await client.GetAsync($"/api/v1/suppliers?q=%E7%B2%BE%E5%B7%A5&limit=1&cursor={byName}")); // relevance
    }

    [Fact]
    public async Task ANameSortedCursorAfterALongJapaneseNameFitsTheLimitAndContinues()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        foreach (var suffix in new[] { "一", "二" })
        {
            // 200 characters, the most a name has.
            await Sites.PublishedAsync(coordinator.Client, Sites.Input(word + new string('精', 187) + suffix) with { NameEn = null });
        }

        using var client = api.CreateClient();
        var first = await SearchAsync(client, $"q={word}&sort=name&limit=1");
        var second = await SearchAsync(client, $"q={word}&sort=name&limit=1&cursor={first.NextCursor}");

        Assert.InRange(first.NextCursor!.Length, 1, Registry.Api.Http.Paging.MaxCursorLength);
        Assert.EndsWith("二", Assert.Single(second.Items).NameJa, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessesSharingTheKeyDirectoryAcceptEachOthersCursorsAndOthersDoNot()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        await Sites.PublishedAsync(coordinator.Client, Sites.Input("共有鍵精工 一"));
        await Sites.PublishedAsync(coordinator.Client, Sites.Input("共有鍵精工 二"));
        using var client = api.CreateClient();
        var cursor = (await SearchAsync(client, "sort=name&limit=1")).NextCursor!;
        await using var sameDeployment = new RegistryApiFactory().With("Auth:KeyDirectory", api.KeyDirectory);
        await using var otherDeployment = new RegistryApiFactory();

        using var accepted = await sameDeployment.CreateClient().GetAsync($"/api/v1/suppliers?sort=name&limit=1&cursor={cursor}");
        using var refused = await otherDeployment.CreateClient().GetAsync($"/api/v1/suppliers?sort=name&limit=1&cursor={cursor}");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await AssertInvalidCursorAsync(refused);
    }

    [Theory]
    [InlineData("e30")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("-1.2")]
    [InlineData("1.-2")]
    [InlineData("1.")]
    [InlineData(".1")]
    [InlineData("99999999999999999999.1")]
    [InlineData("1.99999999999999999999")]
    [InlineData("1.2%00")]
    public async Task AMalformedFeedCursorIs400(string cursor)
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/api/v1/feed?cursor=" + cursor);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AFeedCursorFromTheFutureIsAnEmptyPageNotAnError()
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/api/v1/feed?cursor=18446744073709551615.9223372036854775807");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<SupplierSearchResult> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/suppliers?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<SupplierSearchResult>())!;
    }

    private static async Task AssertInvalidCursorAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("/problems/invalid-cursor", (await response.ReadJsonAsync<Problem>())!.Type);
        }
    }
}
