using System.Net;
using System.Net.Http.Json;
using Registry.Contracts.Search;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// DESIGN §7, one test per section: what a site hides can be neither read (profile, part lists, search results)
/// nor inferred (filters, facets) by a caller below the section's level, while callers at the level see it.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class DisclosureTests(RegistryApiFactory api)
{
    private readonly string _tag = "d" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task HiddenContactIsNotInTheProfile()
    {
        var site = await PublishAsync(new Disclosure { Contact = DisclosureLevel.Members });

        var anonymous = await ProfileAsync(api.CreateClient(), site);
        using var member = await TestAccounts.SignInAsync(api, "member");
        var asMember = await ProfileAsync(member.Client, site);

        Assert.True(anonymous.Contact.Hidden);
        Assert.Equal(DisclosureLevel.Members, anonymous.Contact.Level);
        Assert.Null(anonymous.Contact.Email);
        Assert.Null(anonymous.Contact.Phone);
        Assert.DoesNotContain("yamada@test.example", await api.CreateClient().GetStringAsync($"/api/v1/suppliers/{site}"), StringComparison.Ordinal);
        Assert.Equal("yamada@test.example", asMember.Contact.Email);
    }

    [Fact]
    public async Task HiddenCapabilitiesCannotBeReadOrMatchedByMaterialEnvelopeOrTolerance()
    {
        var site = await PublishAsync(new Disclosure { Capabilities = DisclosureLevel.Coordinators }, material: "aluminium.a5052");
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");

        var profile = await ProfileAsync(member.Client, site);
        using var list = await member.Client.GetAsync($"/api/v1/suppliers/{site}/capabilities");

        Assert.True(profile.Capabilities.Hidden);
        Assert.Null(profile.Capabilities.Items);
        // Process headlines stay public by design (DESIGN §7).
        Assert.Contains("machining.milling.5axis", profile.Processes);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        foreach (var filter in new[] { "material=aluminium", "fitXMm=100&fitYMm=100&fitZMm=100", "toleranceUm=10" })
        {
            Assert.Empty(await IdsAsync(member.Client, filter));
            Assert.Equal([site], await IdsAsync(coordinator.Client, filter));
        }
    }

    [Fact]
    public async Task HiddenEquipmentCannotBeReadOrMatched()
    {
        var site = await PublishAsync(new Disclosure { Equipment = DisclosureLevel.Members });
        await AddAsOwnerAsync(site, "equipment", new EquipmentInput { TypeCode = "machining_centre.5axis", SpecValue = 600 });
        using var member = await TestAccounts.SignInAsync(api, "member");

        var anonymous = await ProfileAsync(api.CreateClient(), site);
        using var list = await api.CreateClient().GetAsync($"/api/v1/suppliers/{site}/equipment");

        Assert.True(anonymous.Equipment.Hidden);
        Assert.Null(anonymous.Equipment.Items);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Empty(await IdsAsync(api.CreateClient(), "equipmentType=machining_centre"));
        Assert.Empty(await IdsAsync(api.CreateClient(), "equipmentType=machining_centre&equipmentMinSpec=500"));
        Assert.Equal([site], await IdsAsync(member.Client, "equipmentType=machining_centre&equipmentMinSpec=500"));
    }

    [Fact]
    public async Task HiddenCertificationsCannotBeReadMatchedOrCounted()
    {
        var site = await PublishAsync(new Disclosure { Certifications = DisclosureLevel.Members });
        await AddAsOwnerAsync(site, "certifications", new CertificationInput { Code = "iatf_16949", Number = "IATF-0001" });
        using var member = await TestAccounts.SignInAsync(api, "member");

        var anonymous = await ProfileAsync(api.CreateClient(), site);
        var anonymousSearch = await SearchAsync(api.CreateClient(), "facets=true");
        var memberSearch = await SearchAsync(member.Client, "facets=true");

        Assert.True(anonymous.Certifications.Hidden);
        Assert.Null(anonymous.Certifications.Items);
        Assert.Empty(await IdsAsync(api.CreateClient(), "certification=iatf_16949"));
        Assert.Null(Assert.Single(anonymousSearch.Items).Certifications);
        Assert.DoesNotContain(anonymousSearch.Facets!.Certifications, f => f.Code == "iatf_16949");
        Assert.Equal([site], await IdsAsync(member.Client, "certification=iatf_16949"));
        Assert.Equal(["iatf_16949"], Assert.Single(memberSearch.Items).Certifications);
        Assert.Contains(memberSearch.Facets!.Certifications, f => f is { Code: "iatf_16949", Count: 1 });
    }

    [Fact]
    public async Task HiddenStaffCannotBeReadOrMatched()
    {
        var site = await PublishAsync(new Disclosure { Staff = DisclosureLevel.Coordinators });
        await AddAsOwnerAsync(site, "staff", new StaffInput { QualificationCode = "welding.jis_z3801", Headcount = 4 });
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");

        var asMember = await ProfileAsync(member.Client, site);

        Assert.True(asMember.Staff.Hidden);
        Assert.Null(asMember.Staff.Items);
        Assert.Empty(await IdsAsync(member.Client, "qualification=welding.jis_z3801"));
        Assert.Equal([site], await IdsAsync(coordinator.Client, "qualification=welding.jis_z3801"));
    }

    [Fact]
    public async Task HiddenCapacityCannotBeReadOrMatched()
    {
        var site = await PublishAsync(new Disclosure { Capacity = DisclosureLevel.Members });
        using var member = await TestAccounts.SignInAsync(api, "member");

        var anonymous = await ProfileAsync(api.CreateClient(), site);
        var anonymousHit = Assert.Single((await SearchAsync(api.CreateClient(), "")).Items);
        var memberHit = Assert.Single((await SearchAsync(member.Client, "")).Items);

        Assert.True(anonymous.Capacity.Hidden);
        Assert.Null(anonymous.Capacity.ContractAcceptance);
        Assert.Null(anonymous.Capacity.SpareCapacityPct);
        Assert.Null(anonymous.Capacity.TypicalLeadDays);
        Assert.Null(anonymousHit.ContractAcceptance);
        Assert.Null(anonymousHit.SpareCapacityPct);
        Assert.Empty(await IdsAsync(api.CreateClient(), "acceptsContractWork=true"));
        Assert.Equal(ContractAcceptance.Open, memberHit.ContractAcceptance);
        Assert.Equal(20, memberHit.SpareCapacityPct);
        Assert.Equal([site], await IdsAsync(member.Client, "acceptsContractWork=true"));
    }

    [Fact]
    public async Task HiddenChallengesAreOnlyForCoordinatorsByDefault()
    {
        var site = await PublishAsync(disclosure: null);
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");

        var asMember = await ProfileAsync(member.Client, site);
        var asCoordinator = await ProfileAsync(coordinator.Client, site);

        Assert.True(asMember.Challenges.Hidden);
        Assert.Null(asMember.Challenges.Challenges);
        Assert.Null(asMember.Challenges.Weaknesses);
        Assert.Equal("後継者不足", asCoordinator.Challenges.Challenges);
    }

    [Fact]
    public async Task OwnerSeesItsOwnHiddenSections()
    {
        using var owner = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.PublishedAsync(owner.Client, Sites.Input($"自社 {_tag}", disclosure: new Disclosure
        {
            Contact = DisclosureLevel.Coordinators,
            Capabilities = DisclosureLevel.Coordinators,
            Challenges = DisclosureLevel.Coordinators,
        }));

        var own = await ProfileAsync(owner.Client, site.Id);

        Assert.False(own.Contact.Hidden);
        Assert.NotNull(own.Capabilities.Items);
        Assert.Equal("後継者不足", own.Challenges.Challenges);
    }

    private async Task<Guid> PublishAsync(Disclosure? disclosure, string? material = null)
    {
        using var owner = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.CreateAsync(owner.Client, Sites.Input($"開示 {_tag}", disclosure: disclosure));
        await Sites.AddAsync<Capability>(owner.Client, site.Id, "capabilities", new CapabilityInput
        {
            ProcessCode = "machining.milling.5axis",
            MaterialCodes = material is null ? null : [material],
            MaxXMm = 500,
            MaxYMm = 400,
            MaxZMm = 300,
            BestToleranceUm = 5,
        });
        await Sites.PublishAsync(owner.Client, site.Id);
        return site.Id;
    }

    private async Task AddAsOwnerAsync(Guid site, string part, object input)
    {
        // A coordinator may edit any site; it stands in for the owner here.
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var response = await coordinator.Client.PostAsJsonAsync($"/api/v1/suppliers/{site}/{part}", input, Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<SupplierProfile> ProfileAsync(HttpClient client, Guid site) =>
        (await client.GetFromJsonAsync<SupplierProfile>($"/api/v1/suppliers/{site}", Json.Options))!;

    private async Task<List<Guid>> IdsAsync(HttpClient client, string query) => [.. (await SearchAsync(client, query)).Items.Select(i => i.Id)];

    private async Task<SupplierSearchResult> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/suppliers?q={_tag}&{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<SupplierSearchResult>())!;
    }
}
