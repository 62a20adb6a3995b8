using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Registry.Api.Suppliers;
using Registry.Contracts.Matching;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// POST /api/v1/matching/preview on sites of its own around Kagoshima (prefecture 46, which no other test uses):
/// ranked suppliers per step with reasons, a chain with a named gap, and hidden sections that neither help nor
/// admit a site.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class MatchingPreviewTests(RegistryApiFactory api)
{
    private static readonly string s_kagoshima = "46201" + CodeValidators.MunicipalityCheckDigit("46201").ToString(CultureInfo.InvariantCulture);
    private static readonly GeoLocation s_centre = new() { Lat = 31.5966, Lon = 130.5571 };

    [Fact]
    public async Task AFourStepRequestRanksSuppliersPerStepAndChainsThemWithTheGapNamed()
    {
        await MatchingPreviewTests.ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var turning = await SiteAsync(coordinator.Client, "鹿児島旋削", 0.01, "machining.turning.cnc", 3, ["iso_9001"]);
        var heat = await SiteAsync(coordinator.Client, "鹿児島熱処理", 0.03, "heat_treatment.quench_temper", 20, []);
        var plating = await SiteAsync(coordinator.Client, "鹿児島めっき", 0.05, "surface.plating.electroless_nickel", 10, ["iso_14001"]);
        using var member = await TestAccounts.SignInAsync(api, "member");

        var evaluation = await PreviewAsync(member.Client, Request(
            Step("machining.turning", tolerance: 10),
            Step("heat_treatment.quench_temper"),
            Step("surface.plating.electroless_nickel"),
            Step("inspection.ndt.ultrasonic")));

        Assert.Contains(evaluation.Steps[0].Candidates, c => c.SupplierId == turning);
        var top = evaluation.Steps[0].Candidates.Single(c => c.SupplierId == turning);
        Assert.InRange(top.Score, 0.01, 1);
        Assert.Equal(top.Score, top.Explanation.Sum(e => e.Points), 5);
        Assert.Equal(CriterionOutcome.Met, top.Explanation.Single(e => e.Criterion == "tolerance_um").Met); // 3 µm offered for 10 needed
        Assert.Contains(evaluation.Steps[1].Candidates, c => c.SupplierId == heat);
        Assert.Contains(evaluation.Steps[2].Candidates, c => c.SupplierId == plating);
        Assert.False(evaluation.Steps[3].Doable);

        var chain = evaluation.Chains[0];
        Assert.Equal([3], chain.Gaps);
        Assert.Equal(0.75, chain.Completeness);
        Assert.Null(chain.Steps[3].SupplierId);
        Assert.Equal([(0, 1), (1, 2)], chain.Legs.Select(l => (l.FromStep, l.ToStep)));
        Assert.All(chain.Legs, l => Assert.InRange(l.Km, 0.1, 30));
    }

    [Fact]
    public async Task HiddenSectionsNeitherRaiseAScoreNorPassAHardFilter()
    {
        await MatchingPreviewTests.ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        // Twins but for the certifications section, which the second shows to coordinators only.
        var open = await SiteAsync(coordinator.Client, "鹿児島公開鍛造", 0.07, "forging.cold", 10, ["iso_9001", "iso_14001"]);
        var hidden = await SiteAsync(coordinator.Client, "鹿児島秘匿鍛造", 0.07, "forging.cold", 10, ["iso_9001", "iso_14001"], DisclosureLevel.Coordinators);
        using var member = await TestAccounts.SignInAsync(api, "member");

        var asMember = (await PreviewAsync(member.Client, Request(Step("forging.cold")))).Steps[0].Candidates;
        var asCoordinator = (await PreviewAsync(coordinator.Client, Request(Step("forging.cold")))).Steps[0].Candidates;

        Assert.True(Score(asMember, open) > Score(asMember, hidden), "a hidden certificate counted for a member");
        // Hidden is "not disclosed", never "none" (a claim that the site holds no certificate).
        Assert.Equal("not disclosed", asMember.Single(c => c.SupplierId == hidden).Explanation.Single(e => e.Criterion == "certifications_beyond_required").Offered);
        Assert.Equal("iso_14001, iso_9001", asCoordinator.Single(c => c.SupplierId == hidden).Explanation.Single(e => e.Criterion == "certifications_beyond_required").Offered);
        Assert.Equal(Score(asCoordinator, open), Score(asCoordinator, hidden));

        var required = await PreviewAsync(member.Client, Request(Step("forging.cold", certifications: ["iso_14001"])));
        Assert.Contains(required.Steps[0].Candidates, c => c.SupplierId == open);
        Assert.DoesNotContain(required.Steps[0].Candidates, c => c.SupplierId == hidden);
    }

    [Fact]
    public async Task TheIndexAndTheSqlPathEvaluateAlike()
    {
        await MatchingPreviewTests.ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var random = new Random(46);
        string[] processes = ["machining.turning.cnc", "heat_treatment.carburising", "surface.plating.zinc", "machining.grinding.surface"];
        for (var i = 0; i < 16; i++)
        {
            var site = await SiteAsync(coordinator.Client, $"鹿児島比較{i:00}", -0.05 + (random.NextDouble() * 0.1), processes[i % processes.Length],
                random.Next(1, 30), random.Next(2) == 0 ? ["iso_9001"] : ["iso_9001", "iso_14001"],
                (DisclosureLevel)random.Next(3));
            // A second row of the same process with other terms, and capacity facts, so that row choice and capacity count.
            await Sites.AddAsync<Capability>(coordinator.Client, site, "capabilities", new CapabilityInput
            {
                ProcessCode = processes[i % processes.Length],
                BestToleranceUm = random.Next(1, 30),
                LotMin = random.Next(1, 50),
                LotMax = random.Next(50, 500),
                LeadDays = random.Next(3, 40),
            });
        }

        await using var sqlOnly = new RegistryApiFactory().With("Search:UseIndex", "false").With("Auth:KeyDirectory", api.KeyDirectory);
        using var member = await TestAccounts.SignInAsync(api, "member");
        var request = Request(Step("machining.turning", tolerance: 20), Step("heat_treatment"), Step("surface.plating"), Step("machining.grinding"));
        foreach (var caller in new[] { member, coordinator })
        {
            var fromIndex = await PreviewAsync(caller.Client, request);
            var fromSql = await PreviewAsync(sqlOnly.CreateClientWithToken(caller.Tokens.AccessToken), request);

            Assert.True(fromIndex.Steps.Sum(s => s.Candidates.Count) >= 8, "too few candidates to compare");
            Assert.Equal(Describe(fromSql), Describe(fromIndex));
        }
    }

    [Fact]
    public async Task ARegionOfPrefecturesTakesSitesInThemOnlyAndCanBeNarrowedByARadius()
    {
        await MatchingPreviewTests.ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        // Rubber moulding in Kagoshima city and in Miyazaki city, about 90 km apart.
        var kagoshima = (await Sites.PublishedAsync(coordinator.Client, Sites.Input("鹿児島ゴム成形",
            new GeoLocation { Lat = s_centre.Lat + 0.02, Lon = s_centre.Lon }, municipality: s_kagoshima) with
        { PrefectureCode = "46" }, "moulding.rubber")).Id;
        var miyazaki = (await Sites.PublishedAsync(coordinator.Client, Sites.Input("宮崎ゴム成形",
            new GeoLocation { Lat = 31.9077, Lon = 131.4202 }, municipality: "452017") with
        { PrefectureCode = "45" }, "moulding.rubber")).Id;
        using var member = await TestAccounts.SignInAsync(api, "member");
        MatchingRequestInput In(double? radiusKm, params string[] prefectures) =>
            Request(Step("moulding.rubber")) with { Region = new MatchingRegion { Centre = s_centre, RadiusKm = radiusKm, Prefectures = prefectures } };
        async Task<List<Guid>> FoundAsync(MatchingRequestInput request) =>
            [.. (await PreviewAsync(member.Client, request)).Steps[0].Candidates.Select(c => c.SupplierId).Where(id => id == kagoshima || id == miyazaki)];

        Assert.Equal([miyazaki], await FoundAsync(In(null, "45")));
        Assert.Equal([kagoshima, miyazaki], await FoundAsync(In(null, "46", "45")));
        Assert.Equal([kagoshima], await FoundAsync(In(30, "46", "45")));
        Assert.Empty(await FoundAsync(In(30, "45")));

        // Without a radius, distance points fall to nothing at the documented scale, not at an arbitrary one.
        var candidate = (await PreviewAsync(member.Client, In(null, "45"))).Steps[0].Candidates.Single(c => c.SupplierId == miyazaki);
        var far = candidate.Explanation.Single(e => e.Criterion == "distance_km");
        Assert.InRange(candidate.DistanceKm, 80, 120);
        Assert.Equal("≤ 200", far.Required);
        Assert.Equal(far.Weight * (1 - (candidate.DistanceKm / 200)), far.Points, 3);

        foreach (var (region, field) in new[]
        {
            (new MatchingRegion { Centre = s_centre }, "region"),
            (new MatchingRegion { Centre = s_centre, Prefectures = ["99"] }, "region.prefectures"),
        })
        {
            using var refused = await member.Client.PostAsJsonAsync("/api/v1/matching/preview", Request(Step("moulding.rubber")) with { Region = region }, Json.Options);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static List<string> Describe(MatchEvaluation evaluation) =>
        [.. evaluation.Steps.SelectMany(s => s.Candidates.Select(c =>
                $"{s.Step} {c.SupplierId} {c.Score} {c.DistanceKm} {c.NameEn} {string.Join(';', c.Explanation.Select(e => $"{e.Criterion}={e.Offered}:{e.Points}"))}")),
            .. evaluation.Chains.Select(c => $"{string.Join(',', c.Steps.Select(s => s.SupplierId))} {c.TotalKm} {c.Completeness}")];

    [Fact]
    public async Task BadRequestsGetProblemsAndAnonymousCallersAreRefused()
    {
        using var member = await TestAccounts.SignInAsync(api, "member");

        var weights = await member.Client.PostAsJsonAsync("/api/v1/matching/preview",
            Request(Step("machining")) with { Weights = new QcdWeights { Quality = 0.5, Cost = 0.5, Delivery = 0.5 } }, Json.Options);
        var unknown = await member.Client.PostAsJsonAsync("/api/v1/matching/preview", Request(Step("machining.teleportation")), Json.Options);
        var anonymous = await api.CreateClient().PostAsJsonAsync("/api/v1/matching/preview", Request(Step("machining")), Json.Options);
        // 9999-12-31 is a slip of the keyboard: refused, while a date within five years is a plan.
        var farAway = await member.Client.PostAsJsonAsync("/api/v1/matching/preview", Request(Step("machining")) with { DueDate = new DateOnly(9999, 12, 31) }, Json.Options);
        var withinFiveYears = await member.Client.PostAsJsonAsync("/api/v1/matching/preview", Request(Step("machining")) with { DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(4) }, Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, weights.StatusCode);
        Assert.Contains("\"weights\"", await weights.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("steps[0].processCode", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, farAway.StatusCode);
        Assert.Contains("\"dueDate\"", await farAway.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withinFiveYears.StatusCode);
    }

    private static double Score(IReadOnlyList<MatchCandidate> candidates, Guid id) => candidates.Single(c => c.SupplierId == id).Score;

    private static async Task<MatchEvaluation> PreviewAsync(HttpClient client, MatchingRequestInput request)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/matching/preview", request, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<MatchEvaluation>())!;
    }

    internal static MatchingRequestInput Request(params MatchingStepInput[] steps) => new()
    {
        Title = "鹿児島の試作部品",
        Steps = steps,
        LotSize = 50,
        DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
        Weights = new QcdWeights { Quality = 0.4, Cost = 0.3, Delivery = 0.3 },
        Region = new MatchingRegion { Centre = s_centre, RadiusKm = 30 },
    };

    internal static MatchingStepInput Step(string process, double? tolerance = null, string[]? certifications = null) => new()
    {
        ProcessCode = process,
        ToleranceUm = tolerance,
        RequiredCertifications = certifications,
    };

    /// <summary>
    /// The matching tests find sites in Kagoshima and Miyazaki; those of earlier tests (or of an earlier run on a kept
    /// database) would be candidates too, so each test starts without them.
    /// </summary>
    internal static async Task ArchiveTestSitesAsync(RegistryApiFactory api)
    {
        await Sites.ArchiveAllInAsync(api, "46");
        await Sites.ArchiveAllInAsync(api, "45");
    }

    internal static async Task<Guid> SiteAsync(
        HttpClient client, string name, double offset, string process, decimal tolerance, string[] certifications,
        DisclosureLevel certificationsLevel = DisclosureLevel.Public)
    {
        var input = Sites.Input(name, new GeoLocation { Lat = s_centre.Lat + offset, Lon = s_centre.Lon + offset },
            new Disclosure { Certifications = certificationsLevel }, municipality: s_kagoshima) with
        { PrefectureCode = "46" };
        var site = await Sites.CreateAsync(client, input);
        await Sites.AddAsync<Capability>(client, site.Id, "capabilities", new CapabilityInput
        {
            ProcessCode = process,
            MaxXMm = 500,
            MaxYMm = 400,
            MaxZMm = 300,
            BestToleranceUm = tolerance,
            LotMin = 1,
            LotMax = 1000,
            LeadDays = 10,
        });
        foreach (var code in certifications)
        {
            await Sites.AddAsync<Certification>(client, site.Id, "certifications", new CertificationInput { Code = code, ValidUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1) });
        }

        await Sites.PublishAsync(client, site.Id);
        return site.Id;
    }
}
