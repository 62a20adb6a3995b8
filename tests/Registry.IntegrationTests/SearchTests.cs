using System.Net;
using Registry.Contracts.Problems;
using Registry.Contracts.Search;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// Every search filter, on sites whose names carry a tag unique to the test (q=tag keeps other tests' sites out).
/// </summary>
[Collection(SharedApi.Name)]
public sealed class SearchTests(RegistryApiFactory api)
{
    private readonly string _tag = "t" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task ProcessFilterMatchesTheFamilyAndItsKinds()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var fiveAxis = await Sites.PublishedAsync(supplier.Client, Sites.Input($"五軸 {_tag}"), "machining.milling.5axis");
        var turning = await Sites.PublishedAsync(supplier.Client, Sites.Input($"旋盤 {_tag}"), "machining.turning.cnc");

        Assert.Equal([fiveAxis.Id], await IdsAsync(api.CreateClient(), "process=machining.milling"));
        Assert.Equal(Sorted(fiveAxis.Id, turning.Id), Sorted([.. await IdsAsync(api.CreateClient(), "process=machining")]));
        Assert.Empty(await IdsAsync(api.CreateClient(), "process=joining.welding"));
    }

    [Fact]
    public async Task ExpiredCertificationsDoNotCount()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var valid = await Sites.PublishedAsync(supplier.Client, Sites.Input($"有効 {_tag}"));
        var expired = await Sites.PublishedAsync(supplier.Client, Sites.Input($"失効 {_tag}"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Sites.AddAsync<Certification>(supplier.Client, valid.Id, "certifications", new CertificationInput { Code = "iso_9001", ValidUntil = today.AddYears(1) });
        await Sites.AddAsync<Certification>(supplier.Client, expired.Id, "certifications", new CertificationInput { Code = "iso_9001", ValidUntil = today.AddDays(-1) });

        Assert.Equal([valid.Id], await IdsAsync(api.CreateClient(), "certification=iso_9001"));
    }

    [Fact]
    public async Task EquipmentFilterHonoursTheMinimumKeySpec()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var big = await Sites.PublishedAsync(supplier.Client, Sites.Input($"大型プレス {_tag}"), "sheet_metal.stamping");
        var small = await Sites.PublishedAsync(supplier.Client, Sites.Input($"小型プレス {_tag}"), "sheet_metal.stamping");
        await Sites.AddAsync<Equipment>(supplier.Client, big.Id, "equipment", new EquipmentInput { TypeCode = "press.servo", SpecValue = 300 });
        await Sites.AddAsync<Equipment>(supplier.Client, small.Id, "equipment", new EquipmentInput { TypeCode = "press.mechanical", SpecValue = 80 });

        Assert.Equal([big.Id], await IdsAsync(api.CreateClient(), "equipmentType=press&equipmentMinSpec=200"));
        Assert.Equal(2, (await IdsAsync(api.CreateClient(), "equipmentType=press")).Count);
    }

    [Fact]
    public async Task DistanceFilterAndSortUseTheGreatCircle()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var toyota = await Sites.PublishedAsync(supplier.Client, Sites.Input($"豊田 {_tag}", Sites.Toyota));
        var okazaki = await Sites.PublishedAsync(supplier.Client, Sites.Input($"岡崎 {_tag}", Sites.Okazaki, municipality: "232025"));
        var nagoya = await Sites.PublishedAsync(supplier.Client, Sites.Input($"名古屋 {_tag}", Sites.Nagoya, municipality: "231002"));
        var near = $"lat={Sites.Toyota.Lat}&lon={Sites.Toyota.Lon}";

        var within20 = await SearchAsync(api.CreateClient(), $"{near}&withinKm=20");
        var all = await SearchAsync(api.CreateClient(), $"{near}&sort=distance");

        Assert.Equal([toyota.Id, okazaki.Id], within20.Items.Select(i => i.Id));
        Assert.Equal([toyota.Id, okazaki.Id, nagoya.Id], all.Items.Select(i => i.Id));
        Assert.InRange(all.Items[1].DistanceKm!.Value, 13, 16);
        Assert.InRange(all.Items[2].DistanceKm!.Value, 20, 30);
    }

    [Fact]
    public async Task WorkpieceMustFitTheEnvelopeInAnyOrientationAndToleranceMustBeHeld()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        // PublishedAsync gives a 500 × 400 × 300 mm envelope holding 5 µm.
        var site = await Sites.PublishedAsync(supplier.Client, Sites.Input($"包絡 {_tag}"));

        Assert.Equal([site.Id], await IdsAsync(api.CreateClient(), "fitXMm=300&fitYMm=500&fitZMm=350"));
        Assert.Empty(await IdsAsync(api.CreateClient(), "fitXMm=600&fitYMm=100&fitZMm=100"));
        Assert.Equal([site.Id], await IdsAsync(api.CreateClient(), "toleranceUm=10&process=machining"));
        Assert.Empty(await IdsAsync(api.CreateClient(), "toleranceUm=2"));
    }

    [Fact]
    public async Task TwoCharacterJapaneseWordsMatchExactly()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var welding = await Sites.PublishedAsync(supplier.Client, Sites.Input($"溶接工業 {_tag}") with { DescriptionJa = "TIG溶接と板金" });
        var plating = await Sites.PublishedAsync(supplier.Client, Sites.Input($"めっき工業 {_tag}") with { DescriptionJa = "無電解ニッケルめっき", Strengths = "接着" });

        Assert.Equal([welding.Id], await IdsAsync(api.CreateClient(), "", text: "溶接"));
        Assert.Equal([welding.Id], await IdsAsync(api.CreateClient(), "", text: "板金"));
        Assert.Equal([plating.Id], await IdsAsync(api.CreateClient(), "", text: "ニッケル"));
        Assert.Equal([plating.Id], await IdsAsync(api.CreateClient(), "", text: "works めっき"));
        Assert.Equal([plating.Id], await IdsAsync(api.CreateClient(), "", text: "接着"));
        Assert.Empty(await IdsAsync(api.CreateClient(), "", text: "溶着"));
    }

    [Fact]
    public async Task AWordNamingAProcessFindsTheSitesDoingItAndSaysWhy()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var sheet = await Sites.PublishedAsync(supplier.Client, Sites.Input($"三河 {_tag}"), "sheet_metal.cutting.laser");
        var plating = await Sites.PublishedAsync(supplier.Client, Sites.Input($"矢作 {_tag}"), "surface.plating.zinc");
        await Sites.PublishedAsync(supplier.Client, Sites.Input($"挙母 {_tag}"), "machining.milling.5axis");

        // 板金 (two characters: the index answers) is nowhere in the texts; the process is.
        var found = await SearchAsync(api.CreateClient(), "", text: "板金");
        var hit = Assert.Single(found.Items);
        Assert.Equal(sheet.Id, hit.Id);
        var why = Assert.Single(hit.KeywordHits!);
        Assert.Equal(("板金", Registry.Contracts.Taxonomy.TaxonomyKind.Processes, "sheet_metal"), (why.Word, why.Kind, why.Code));

        // めっき in any of its spellings (three characters: the SQL path answers), and its reading ばんきん for 板金.
        foreach (var typed in new[] { "めっき", "メッキ", "ﾒｯｷ", "鍍金" })
        {
            Assert.Equal([plating.Id], await IdsAsync(api.CreateClient(), "", text: typed));
        }

        Assert.Equal([sheet.Id], await IdsAsync(api.CreateClient(), "", text: "ばんきん"));
        Assert.Null((await SearchAsync(api.CreateClient(), "")).Items[0].KeywordHits);
    }

    [Fact]
    public async Task NamesAreFoundAsTheyAreTypedInAnyWidthOrKana()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var yamada = await Sites.PublishedAsync(supplier.Client, Sites.Input($"山田精工 {_tag}") with { NameKana = "ヤマダセイコウ", NameEn = "Yamada Seiko" });
        var press = await Sites.PublishedAsync(supplier.Client, Sites.Input($"プレス工業 {_tag}") with { NameKana = "プレスコウギョウ" });

        foreach (var typed in new[] { "やまだせいこう", "ヤマダセイコウ", "ﾔﾏﾀﾞｾｲｺｳ", "ＹＡＭＡＤＡ", "yamada" })
        {
            var found = await SearchAsync(api.CreateClient(), "", text: typed);
            Assert.True(found.Items.Select(i => i.Id).SequenceEqual([yamada.Id]), $"{typed} found {found.Items.Count} sites");
        }

        // Two kana characters are a gram, answered by the index: ぷれ, プレ and ﾌﾟﾚ are one.
        foreach (var typed in new[] { "ぷれ", "プレ", "ﾌﾟﾚ" })
        {
            Assert.Equal([press.Id], await IdsAsync(api.CreateClient(), "", text: typed));
        }
    }

    [Fact]
    public async Task AWordFindsAHiddenSectionOnlyForThoseWhoMaySeeIt()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.PublishedAsync(supplier.Client, Sites.Input($"設備非公開 {_tag}", disclosure: new Disclosure { Equipment = DisclosureLevel.Members }));
        await Sites.AddAsync<Equipment>(supplier.Client, site.Id, "equipment", new EquipmentInput { TypeCode = "lathe.cnc", SpecValue = 300 });
        using var member = await TestAccounts.SignInAsync(api, "member");

        // 旋盤 names the lathe (equipment, members only) and turning (a process this site does not do).
        Assert.Empty(await IdsAsync(api.CreateClient(), "", text: "旋盤"));
        var seen = Assert.Single((await SearchAsync(member.Client, "", text: "旋盤")).Items);
        Assert.Equal(("lathe", Registry.Contracts.Taxonomy.TaxonomyKind.EquipmentTypes), (seen.KeywordHits![0].Code, seen.KeywordHits[0].Kind));
    }

    [Fact]
    public async Task ASearchThatFindsNothingSuggestsTheFilterItsWordNames()
    {
        var nothing = await SearchAsync(api.CreateClient(), "", text: "板金");

        Assert.Empty(nothing.Items);
        Assert.Contains(nothing.Suggestions!, s => s is { Word: "板金", Code: "sheet_metal", Kind: Registry.Contracts.Taxonomy.TaxonomyKind.Processes });
        Assert.DoesNotContain(nothing.Suggestions!, s => s.Word == _tag);
    }

    [Fact]
    public async Task OtherFiltersNarrowAsDocumented()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var big = await Sites.PublishedAsync(supplier.Client, Sites.Input($"大 {_tag}") with { Employees = 300 });
        var closed = await Sites.PublishedAsync(supplier.Client, Sites.Input($"閉 {_tag}", Sites.Okazaki, municipality: "232025") with
        {
            Employees = 8,
            Capacity = new CapacityInput { ContractAcceptance = ContractAcceptance.Closed },
            Disclosure = new Disclosure { Capacity = DisclosureLevel.Public },
        });
        await Sites.AddAsync<StaffQualification>(supplier.Client, big.Id, "staff", new StaffInput { QualificationCode = "ginou.machining_centre.1", Headcount = 2 });
        await coordinator.Client.PostAsync($"/api/v1/suppliers/{big.Id}/verify", null);

        Assert.Equal([big.Id], await IdsAsync(supplier.Client, "employeesMin=100"));
        Assert.Equal([closed.Id], await IdsAsync(supplier.Client, "employeesMax=10"));
        Assert.Equal([closed.Id], await IdsAsync(supplier.Client, "municipality=232025"));
        Assert.Equal([big.Id], await IdsAsync(supplier.Client, "acceptsContractWork=true"));
        Assert.Equal([big.Id], await IdsAsync(supplier.Client, "verifiedOnly=true"));
        Assert.Equal([big.Id], await IdsAsync(supplier.Client, "qualification=ginou.machining_centre"));
        Assert.Equal(2, (await IdsAsync(supplier.Client, "prefecture=23")).Count);
    }

    [Fact]
    public async Task PagesFollowTheCursorWithoutGapsOrRepeats()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var ids = new List<Guid>();
        foreach (var name in new[] { "あ", "い", "う", "え", "お" })
        {
            ids.Add((await Sites.PublishedAsync(supplier.Client, Sites.Input($"{name} {_tag}"))).Id);
        }

        using var client = api.CreateClient();
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync(client, "sort=name&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task FacetsCountTheWholeFilteredSet()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var a = await Sites.PublishedAsync(supplier.Client, Sites.Input($"面 {_tag}"), "machining.milling.5axis");
        await Sites.PublishedAsync(supplier.Client, Sites.Input($"線 {_tag}"), "joining.welding.tig");
        await Sites.AddAsync<Certification>(supplier.Client, a.Id, "certifications", new CertificationInput { Code = "iatf_16949" });

        var result = await SearchAsync(api.CreateClient(), "facets=true&limit=1");

        Assert.Single(result.Items);
        Assert.Equal(2, result.Facets!.Total);
        Assert.Contains(result.Facets.ProcessFamilies, f => f is { Code: "machining", Count: 1 });
        Assert.Contains(result.Facets.ProcessFamilies, f => f is { Code: "joining", Count: 1 });
        Assert.Contains(result.Facets.Prefectures, f => f is { Code: "23", Count: 2 });
        Assert.Contains(result.Facets.Certifications, f => f is { Code: "iatf_16949", Count: 1 });
    }

    [Theory]
    [InlineData("process=machining.teleport", "process")]
    [InlineData("certification=iso_0000", "certification")]
    [InlineData("withinKm=10", "withinKm")]
    [InlineData("equipmentMinSpec=10", "equipmentMinSpec")]
    [InlineData("limit=0", "limit")]
    public async Task BadFiltersAreFieldErrors(string query, string field)
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync($"/api/v1/suppliers?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadJsonAsync<Problem>())!.Errors!.Keys);
    }

    [Fact]
    public async Task MisspeltFilterIsRefusedNotIgnored()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/api/v1/suppliers?proces=machining");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<List<Guid>> IdsAsync(HttpClient client, string query, string? text = null) =>
        [.. (await SearchAsync(client, query, text)).Items.Select(i => i.Id)];

    private async Task<SupplierSearchResult> SearchAsync(HttpClient client, string query, string? text = null)
    {
        var q = Uri.EscapeDataString(text is null ? _tag : $"{_tag} {text}");
        using var response = await client.GetAsync($"/api/v1/suppliers?q={q}&{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<SupplierSearchResult>())!;
    }

    private static List<Guid> Sorted(params Guid[] ids) => [.. ids.Order()];
}
