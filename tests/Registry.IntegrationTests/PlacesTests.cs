using System.Net;
using System.Net.Http.Json;
using Registry.Contracts.Clusters;
using Registry.Contracts.Matching;
using Registry.Contracts.Places;
using Registry.Contracts.Problems;
using Registry.Contracts.Search;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// Places by name and postal codes (issue 16): the municipality taxonomy, what a postal code fills in, a radius around a
/// place instead of coordinates, and a site's postal code that must be its municipality's. Positions come from the
/// published sites there, so the tests that need one use 氷見市 (Toyama), where no other test puts a site.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class PlacesTests(RegistryApiFactory api)
{
    private const string Himi = "162051";
    private static readonly GeoLocation s_himiHall = new() { Lat = 36.8566, Lon = 136.9729 };
    private readonly string _tag = "p" + Guid.NewGuid().ToString("N")[..10];

    [Theory]
    [InlineData("とよた")]
    [InlineData("豊田")]
    [InlineData("ﾄﾖﾀ")]
    [InlineData("toyota")]
    public async Task MunicipalitiesAreSuggestedByKanjiKanaOrRomaji(string typed)
    {
        using var client = api.CreateClient();
        var found = (await (await client.GetAsync($"/api/v1/places/municipalities?q={Uri.EscapeDataString(typed)}&limit=5")).ReadJsonAsync<List<Municipality>>())!;

        var toyota = found[0];
        Assert.Equal(("232114", "23211", "豊田市", "トヨタシ", "Toyota-shi"), (toyota.Code, toyota.Code5, toyota.NameJa, toyota.NameKana, toyota.NameEn));
        Assert.Equal(("23", "愛知県", MunicipalityKind.Municipality), (toyota.Prefecture.Code, toyota.Prefecture.NameJa, toyota.Kind));
    }

    [Fact]
    public async Task APrefecturesMunicipalitiesAreOneCacheableList()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/api/v1/places/municipalities?prefecture=23");
        var aichi = (await response.ReadJsonAsync<List<Municipality>>())!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/places/municipalities?prefecture=23");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        using var neither = await client.GetAsync("/api/v1/places/municipalities");

        Assert.Contains(aichi, m => m is { Code: "231002", Kind: MunicipalityKind.DesignatedCity });
        Assert.Contains(aichi, m => m is { Code: "231011", NameEn: "Nagoya-shi Chikusa-ku", ParentCode: "231002" });
        Assert.All(aichi, m => Assert.Equal("23", m.Prefecture.Code));
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
    }

    [Fact]
    public async Task AMunicipalityIsFoundByEitherCodeAndAnUnknownOneIs404()
    {
        using var client = api.CreateClient();
        var six = (await (await client.GetAsync("/api/v1/places/municipalities/232114")).ReadJsonAsync<Municipality>())!;
        var five = (await (await client.GetAsync("/api/v1/places/municipalities/23211")).ReadJsonAsync<Municipality>())!;
        using var unknown = await client.GetAsync("/api/v1/places/municipalities/232998");

        Assert.Equal(six, five);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("232998", (await unknown.ReadJsonAsync<Problem>())!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4710025")]
    [InlineData("471-0025")]
    [InlineData("４７１－００２５")]
    public async Task APostalCodeFillsPrefectureMunicipalityAndTown(string typed)
    {
        using var client = api.CreateClient();
        var area = (await (await client.GetAsync($"/api/v1/places/postal-codes/{Uri.EscapeDataString(typed)}")).ReadJsonAsync<PostalArea>())!;

        var place = Assert.Single(area.Places);
        Assert.Equal(("471-0025", "232114", "西町", "愛知県豊田市西町"), (area.PostalCode, place.Municipality.Code, place.Town, place.Address));
    }

    [Fact]
    public async Task AnUnknownPostalCodeIs404AndNotAPostalCodeIs400()
    {
        using var client = api.CreateClient();
        using var unknown = await client.GetAsync("/api/v1/places/postal-codes/999-9999");
        using var wrong = await client.GetAsync("/api/v1/places/postal-codes/47100");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("999-9999", (await unknown.ReadJsonAsync<Problem>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("postalCode", (await wrong.ReadJsonAsync<Problem>())!.Errors!.Keys);
    }

    [Fact]
    public async Task APlaceIsCentredOnItsPublishedSites()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        await Sites.PublishedAsync(supplier.Client, HimiSite("北", 0.01) with { PostalCode = "935-0004" });
        await Sites.PublishedAsync(supplier.Client, HimiSite("南", -0.01) with { PostalCode = "935-0004" });
        using var client = api.CreateClient();

        var byName = (await (await client.GetAsync("/api/v1/places/centre?near=" + Uri.EscapeDataString("富山県氷見市"))).ReadJsonAsync<PlaceCentre>())!;
        var byPostal = (await (await client.GetAsync("/api/v1/places/centre?near=9350004")).ReadJsonAsync<PlaceCentre>())!;
        var byTown = (await (await client.GetAsync("/api/v1/places/centre?near=935-0005")).ReadJsonAsync<PlaceCentre>())!;

        Assert.Equal((Himi, "氷見市", CentreBasis.SitesInMunicipality), (byName.Place, byName.LabelJa, byName.Basis));
        Assert.InRange(byName.Sites, 2, 1000);
        Assert.Equal(("935-0004", CentreBasis.SitesWithPostalCode), (byPostal.Place, byPostal.Basis));
        Assert.Equal(s_himiHall.Lat, byPostal.Centre.Lat, 3);
        Assert.Equal(s_himiHall.Lon, byPostal.Centre.Lon, 3);
        Assert.Equal(("935-0005", CentreBasis.SitesInMunicipality), (byTown.Place, byTown.Basis));
        Assert.Equal("〒935-0005 氷見市栄町", byTown.LabelJa);
    }

    [Fact]
    public async Task APlaceWithoutSitesIs422AndNotAPlaceIs400InTheCallersLanguage()
    {
        using var client = api.CreateClient();
        using var empty = await client.GetAsync("/api/v1/places/centre?near=134023");
        using var englishRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/places/centre?near=134023");
        englishRequest.Headers.AcceptLanguage.ParseAdd("en");
        using var english = await client.SendAsync(englishRequest);
        using var nowhere = await client.GetAsync("/api/v1/places/centre?near=" + Uri.EscapeDataString("どこでもない町"));
        using var twice = await client.GetAsync("/api/v1/places/centre?near=" + Uri.EscapeDataString("府中市"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("青ヶ島村には公開中の事業所がなく", (await empty.ReadJsonAsync<Problem>())!.Errors!["near"][0], StringComparison.Ordinal);
        Assert.Contains("no published site in Aogashima-mura", (await english.ReadJsonAsync<Problem>())!.Errors!["near"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("複数あります", (await twice.ReadJsonAsync<Problem>())!.Errors!["near"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchMeasuresFromAPlaceInsteadOfCoordinates()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var close = await Sites.PublishedAsync(supplier.Client, HimiSite("近", 0.005));
        var far = await Sites.PublishedAsync(supplier.Client, Sites.Input($"遠 {_tag}", new GeoLocation { Lat = 36.6953, Lon = 137.2113 }, municipality: "162019") with { PrefectureCode = "16" });
        using var client = api.CreateClient();

        var near = (await (await client.GetAsync($"/api/v1/suppliers?q={_tag}&near={Himi}&withinKm=5")).ReadJsonAsync<SupplierSearchResult>())!;
        var byName = (await (await client.GetAsync($"/api/v1/suppliers?q={_tag}&near={Uri.EscapeDataString("ひみ")}&sort=distance")).ReadJsonAsync<SupplierSearchResult>())!;
        using var both = await client.GetAsync($"/api/v1/suppliers?near={Himi}&lat=36.8&lon=136.9");
        using var unknown = await client.GetAsync($"/api/v1/suppliers?near=232998&withinKm=5");
        using var empty = await client.GetAsync($"/api/v1/suppliers?near=134023&withinKm=5");

        Assert.Equal([close.Id], near.Items.Select(i => i.Id));
        Assert.Equal([close.Id, far.Id], byName.Items.Select(i => i.Id));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("near", (await both.ReadJsonAsync<Problem>())!.Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("near", (await unknown.ReadJsonAsync<Problem>())!.Errors!.Keys);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
    }

    [Fact]
    public async Task ASitesPostalCodeMustBeItsMunicipalitys()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        using var elsewhere = await supplier.Client.PostAsJsonAsync("/api/v1/suppliers", Sites.Input($"郵便 {_tag}") with { PostalCode = "100-0001" }, Json.Options);
        using var unknown = await supplier.Client.PostAsJsonAsync("/api/v1/suppliers", Sites.Input($"郵便 {_tag}", municipality: "232998"), Json.Options);
        var good = await Sites.CreateAsync(supplier.Client, Sites.Input($"郵便 {_tag}") with { PostalCode = "471-0025" });
        using var moved = await Sites.PutAsync(supplier.Client, $"/api/v1/suppliers/{good.Id}", Sites.Input($"郵便 {_tag}") with { PostalCode = "444-0001" }, good.Version);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        Assert.Equal(
            "郵便番号 100-0001 は東京都千代田区千代田の郵便番号で、愛知県豊田市のものではありません。郵便番号か市区町村を確かめてください。",
            (await elsewhere.ReadJsonAsync<Problem>())!.Errors!["postalCode"][0]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("232998", (await unknown.ReadJsonAsync<Problem>())!.Errors!["municipalityCode"][0], StringComparison.Ordinal);
        Assert.Equal("471-0025", good.PostalCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
        Assert.Contains("岡崎市", (await moved.ReadJsonAsync<Problem>())!.Errors!["postalCode"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegionsCentreCanBeAPlace()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.PublishedAsync(supplier.Client, HimiSite("地域", 0.002), "machining.turning.cnc");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var request = new MatchingRequestInput
        {
            Title = "氷見の部品",
            Steps = [new MatchingStepInput { ProcessCode = "machining.turning" }],
            Weights = new QcdWeights { Quality = 0.4, Cost = 0.3, Delivery = 0.3 },
            Region = new MatchingRegion { CentrePlace = "氷見市", RadiusKm = 10 },
        };

        using var preview = await coordinator.Client.PostAsJsonAsync("/api/v1/matching/preview", request, Json.Options);
        using var saved = await coordinator.Client.PostAsJsonAsync("/api/v1/matching-requests", request, Json.Options);
        using var cluster = await coordinator.Client.PostAsJsonAsync("/api/v1/clusters", new ClusterInput
        {
            Code = "himi-" + _tag,
            NameJa = "氷見クラスター",
            NameEn = "Himi cluster",
            Sector = ClusterSector.AutomotiveParts,
            Region = new MatchingRegion { CentrePlace = Himi, RadiusKm = 20 },
            ValueChain = ["machining.turning"],
        }, Json.Options);
        using var nowhere = await coordinator.Client.PostAsJsonAsync("/api/v1/matching/preview",
            request with { Region = new MatchingRegion { CentrePlace = "134023", RadiusKm = 10 } }, Json.Options);

        Assert.True(preview.StatusCode == HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        Assert.Contains((await preview.ReadJsonAsync<MatchEvaluation>())!.Steps[0].Candidates, c => c.SupplierId == site.Id);
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var region = (await saved.ReadJsonAsync<MatchingRequest>())!.Request.Region;
        Assert.Equal(Himi, region.CentrePlace);
        Assert.NotNull(region.Centre);
        Assert.True(cluster.StatusCode == HttpStatusCode.Created, await cluster.Content.ReadAsStringAsync());
        Assert.Equal(Himi, (await cluster.ReadJsonAsync<Cluster>())!.Region.CentrePlace);
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Contains("region.centrePlace", (await nowhere.ReadJsonAsync<Problem>())!.Errors!.Keys);
    }

    private SupplierInput HimiSite(string name, double offset) =>
        Sites.Input($"{name} {_tag}", new GeoLocation { Lat = s_himiHall.Lat + offset, Lon = s_himiHall.Lon }, municipality: Himi) with { PrefectureCode = "16" };
}
