using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// DESIGN §6/§7: a validator names the view a caller received, never the row, so no cache (a browser's, a proxy's) can
/// hand one caller another's view; and nothing a caller sees moves when only a section hidden from it changed.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class CallerRepresentationTests(RegistryApiFactory api)
{
    private static readonly Disclosure s_disclosure = new()
    {
        Contact = DisclosureLevel.Members,
        Challenges = DisclosureLevel.Coordinators,
        Equipment = DisclosureLevel.Coordinators,
    };

    [Fact]
    public async Task EachCallerGetsTheValidatorOfItsOwnViewAndNo304ForAnothers()
    {
        using var owner = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.PublishedAsync(owner.Client, Sites.Input("表現精機", disclosure: s_disclosure));
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var anonymous = api.CreateClient();
        var path = $"/api/v1/suppliers/{site.Id}";

        var asCoordinator = await GetAsync(coordinator.Client, path);
        var asOwner = await GetAsync(owner.Client, path);
        var asMember = await GetAsync(member.Client, path);
        var asAnonymous = await GetAsync(anonymous, path);

        // Three views, three validators: the owner and a coordinator (who may edit any site) see the same.
        Assert.Equal(3, new[] { asCoordinator.ETag, asMember.ETag, asAnonymous.ETag }.Distinct().Count());
        Assert.Equal(asCoordinator.ETag, asOwner.ETag);
        Assert.Equal(site.Version, asCoordinator.Profile.Version);
        // The coordinator's validator does not revalidate the anonymous view (the browser that signed out) …
        using var crossed = await GetAsync(anonymous, path, asCoordinator.ETag);
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
        Assert.DoesNotContain("yamada@test.example", await crossed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // … nor the anonymous one a member's view (the browser that signed in).
        using var upward = await GetAsync(member.Client, path, asAnonymous.ETag);
        Assert.Equal(HttpStatusCode.OK, upward.StatusCode);
        Assert.Contains("yamada@test.example", await upward.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Each caller's own validator does.
        foreach (var (client, etag) in new[] { (anonymous, asAnonymous.ETag), (member.Client, asMember.ETag), (coordinator.Client, asCoordinator.ETag) })
        {
            using var same = await GetAsync(client, path, etag);
            Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        }

        // Nobody's view may be shared; a signed-in view is not kept at all.
        Assert.Equal((true, true, false), asAnonymous.Caching);
        Assert.Equal((true, false, true), asMember.Caching);
        Assert.Equal((true, false, true), asCoordinator.Caching);
        // Searches are masked per caller too, and answer the same way.
        using var anonymousSearch = await anonymous.GetAsync("/api/v1/suppliers?q=表現精機");
        using var memberSearch = await member.Client.GetAsync("/api/v1/suppliers?q=表現精機");
        Assert.True(anonymousSearch.Headers.CacheControl is { Private: true, NoCache: true });
        Assert.True(memberSearch.Headers.CacheControl is { Private: true, NoStore: true });
    }

    [Fact]
    public async Task AnEditOfAHiddenSectionMovesNothingTheCallersBelowItSee()
    {
        using var owner = await TestAccounts.SignInAsync(api, "supplier");
        var input = Sites.Input("版数精工", disclosure: s_disclosure);
        var site = await Sites.PublishedAsync(owner.Client, input);
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var anonymous = api.CreateClient();
        var path = $"/api/v1/suppliers/{site.Id}";
        var anonymousBefore = await GetAsync(anonymous, path);
        var memberBefore = await GetAsync(member.Client, path);

        // Coordinators-only sections: the challenges, then the equipment list.
        var edited = await PutAsync(owner.Client, path, input with { Challenges = new ChallengesInput { Challenges = "事業承継の相談先を探している" } }, site.Version);
        await Sites.AddAsync<Equipment>(owner.Client, site.Id, "equipment", new EquipmentInput { TypeCode = "machining_centre.5axis", SpecValue = 600 });

        var anonymousAfterHidden = await GetAsync(anonymous, path);
        var memberAfterHidden = await GetAsync(member.Client, path);
        Assert.Equal(anonymousBefore.ETag, anonymousAfterHidden.ETag);
        Assert.Equal(anonymousBefore.Profile.Version, anonymousAfterHidden.Profile.Version);
        Assert.Equal(anonymousBefore.Profile.UpdatedAt, anonymousAfterHidden.Profile.UpdatedAt);
        Assert.Equal(anonymousBefore.Profile.ConfirmedAt, anonymousAfterHidden.Profile.ConfirmedAt);
        Assert.Equal(memberBefore.ETag, memberAfterHidden.ETag);
        Assert.Equal(memberBefore.Profile.Version, memberAfterHidden.Profile.Version);
        Assert.Equal(memberBefore.Profile.UpdatedAt, memberAfterHidden.Profile.UpdatedAt);
        Assert.True((await GetAsync(owner.Client, path)).Profile.Version > edited.Version);

        // The members' contact: members see the change, the public does not.
        var owned = await GetAsync(owner.Client, path);
        var withContact = input with
        {
            Challenges = new ChallengesInput { Challenges = "事業承継の相談先を探している" },
            Contact = new ContactInput { Name = "佐藤 花子", Email = "sato@test.example" },
        };
        var contactEdited = await PutAsync(owner.Client, path, withContact, owned.Profile.Version);
        var anonymousAfterContact = await GetAsync(anonymous, path);
        var memberAfterContact = await GetAsync(member.Client, path);
        Assert.Equal(anonymousBefore.Profile.Version, anonymousAfterContact.Profile.Version);
        Assert.Equal(anonymousBefore.ETag, anonymousAfterContact.ETag);
        Assert.True(memberAfterContact.Profile.Version > memberBefore.Profile.Version);
        Assert.True(memberAfterContact.Profile.UpdatedAt > memberBefore.Profile.UpdatedAt);
        Assert.Equal("sato@test.example", memberAfterContact.Profile.Contact.Email);

        // A public fact moves everyone's view.
        await PutAsync(owner.Client, path, withContact with { Strengths = "5軸の短納期試作" }, contactEdited.Version);
        var anonymousAfterPublic = await GetAsync(anonymous, path);
        Assert.True(anonymousAfterPublic.Profile.Version > anonymousBefore.Profile.Version);
        Assert.True(anonymousAfterPublic.Profile.UpdatedAt > anonymousBefore.Profile.UpdatedAt);
        Assert.NotEqual(anonymousBefore.ETag, anonymousAfterPublic.ETag);

        // An explicit "still accurate" is public too.
        using var reconfirmed = await owner.Client.PostAsync($"{path}/reconfirm", null);
        Assert.Equal(HttpStatusCode.OK, reconfirmed.StatusCode);
        Assert.True((await GetAsync(anonymous, path)).Profile.ConfirmedAt > anonymousAfterPublic.Profile.ConfirmedAt);
    }

    [Fact]
    public async Task TheExportAndThePublicFeedCarryTheVersionTheirReaderSees()
    {
        using var owner = await TestAccounts.SignInAsync(api, "supplier");
        var name = "輸出精工 " + Guid.NewGuid().ToString("N")[..8];
        var input = Sites.Input(name, disclosure: s_disclosure);
        var site = await Sites.PublishedAsync(owner.Client, input);
        var path = $"/api/v1/suppliers/{site.Id}";
        var publicVersion = (await GetAsync(api.CreateClient(), path)).Profile.Version;

        await PutAsync(owner.Client, path, input with { Challenges = new ChallengesInput { Challenges = "人手不足" } }, site.Version);

        using var anonymous = api.CreateClient();
        var exported = await anonymous.GetStringAsync($"/api/v1/exports/suppliers?format=ndjson&q={Uri.EscapeDataString(name)}");
        var row = exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Single(r => r.GetProperty("id").GetGuid() == site.Id);
        Assert.Equal(publicVersion, row.GetProperty("version").GetInt32());
        var events = await Outboxed.OfAsync(api, site.Id);
        Assert.All(events.Where(e => e.Visibility == "public"), e => Assert.True(e.Version <= publicVersion, $"{e.Type} carries {e.Version}"));
        Assert.Equal("coordinators", events[^1].Visibility);
    }

    /// <summary>A caller's view, its ETag and its Cache-Control as (private, no-cache, no-store).</summary>
    [Fact]
    public async Task SignInAndSignOutTellTheBrowserToDropWhatItKept()
    {
        var (_, email) = await TestAccounts.CreateAsync(api, "member");
        using var anonymous = api.CreateClient();

        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password });
        var tokens = (await login.ReadJsonAsync<Registry.Contracts.Auth.TokenPair>())!;
        using var logout = await anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(["\"cache\""], login.Headers.GetValues("Clear-Site-Data"));
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(["\"cache\""], logout.Headers.GetValues("Clear-Site-Data"));
    }

    private sealed record View(SupplierProfile Profile, string ETag, (bool Private, bool NoCache, bool NoStore) Caching);

    private static async Task<View> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new View((await response.ReadJsonAsync<SupplierProfile>())!, response.Headers.ETag!.ToString(),
            (response.Headers.CacheControl?.Private == true, response.Headers.CacheControl?.NoCache == true, response.Headers.CacheControl?.NoStore == true));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        return await client.SendAsync(request);
    }

    private static async Task<SupplierProfile> PutAsync(HttpClient client, string path, SupplierInput body, int version)
    {
        using var response = await Sites.PutAsync(client, path, body, version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<SupplierProfile>())!;
    }
}
